/** Words the demo data is made of: Chinese and English company and person names. */
/** Cities with the sales region they belong to, so a company's name and region agree. */
export const CITIES: ReadonlyArray<readonly [string, string]> = [
  ['北京', 'north'], ['天津', 'north'], ['上海', 'east'], ['杭州', 'east'], ['南京', 'east'], ['苏州', 'east'], ['深圳', 'south'], ['广州', 'south'],
  ['武汉', 'central'], ['长沙', 'central'], ['郑州', 'central'], ['成都', 'west'], ['重庆', 'west'], ['西安', 'west'], ['沈阳', 'northeast'], ['大连', 'northeast'],
];
export const NAME_CHARS = '华信恒泰鼎盛新锐天宇博远中科金桥东方凯达瑞丰宏图远航嘉禾汇通星辰安联启明正德同创永昌合力长城飞扬海纳云帆';
export const CN_INDUSTRY_WORDS: Record<string, string[]> = {
  manufacturing: ['精密制造', '机械', '工业'], it: ['科技', '信息技术', '软件'], finance: ['金融服务', '投资', '资产管理'],
  retail: ['商贸', '零售', '百货'], education: ['教育科技', '培训'], healthcare: ['医疗器械', '生物科技', '健康'],
  energy: ['能源', '新能源', '电力'], other: ['实业', '咨询', '物流'],
};
export const CN_SUFFIXES = ['有限公司', '股份有限公司', '集团有限公司'];

export const EN_FIRST = ['Apex', 'Blue River', 'Northwind', 'Summit', 'Golden Gate', 'Pioneer', 'Silverline', 'Evergreen', 'Redwood', 'Orion', 'Vertex', 'Harbor', 'Crescent', 'Atlas', 'Lumen', 'Nova', 'Cedar', 'Falcon', 'Granite', 'Meridian'];
export const EN_SECOND = ['', 'Bay', 'Peak', 'Bridge', 'Point', 'Valley', 'Stone', 'Field', 'Light', 'Star'];
export const EN_INDUSTRY_WORDS: Record<string, string[]> = {
  manufacturing: ['Manufacturing', 'Industries', 'Machinery'], it: ['Systems', 'Software', 'Technologies'], finance: ['Capital', 'Financial', 'Partners'],
  retail: ['Retail', 'Trading', 'Stores'], education: ['Learning', 'Education'], healthcare: ['Health', 'Medical', 'Biotech'],
  energy: ['Energy', 'Power', 'Renewables'], other: ['Holdings', 'Logistics', 'Consulting'],
};
export const EN_SUFFIXES = ['Ltd.', 'Inc.', 'Co.', 'Group'];

export const CN_SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐';
export const CN_GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '建华', '志强', '海燕', '晓东'];
export const EN_GIVEN = ['James', 'Mary', 'John', 'Linda', 'David', 'Susan', 'Michael', 'Karen', 'Daniel', 'Emma', 'Paul', 'Grace', 'Mark', 'Olivia', 'Peter', 'Sophie'];
export const EN_FAMILY = ['Smith', 'Johnson', 'Brown', 'Taylor', 'Miller', 'Wilson', 'Clark', 'Walker', 'Young', 'King', 'Scott', 'Green', 'Baker', 'Hill'];
export const CN_TITLES = ['总经理', '采购经理', '技术总监', '财务总监', 'IT 经理', '项目经理', '运营总监'];
export const EN_TITLES = ['CEO', 'Purchasing manager', 'CTO', 'CFO', 'IT manager', 'Project manager', 'Operations director'];
