import type { keywordEditorsEn } from './en-keyword-editors';

/** 第 17 号议题后续编辑器的简体中文文字：个人信息、转移、日历视图、状态锁定与公开表单。 */
export const keywordEditorsZh: typeof keywordEditorsEn = {
  personal: {
    label: '指向某个人（个人信息）',
    hint: '当事人申请导出其数据时包含此字段，删除当事人时清空此字段。邮箱和电话字段默认即为个人信息，除非取消勾选。',
  },
  bulkCreate: {
    legend: '为每个{{parent}}各创建一条',
    on: '在{{parent}}列表上提供批量操作：为每个选中的{{parent}}各创建一条{{child}}',
    labelEn: '操作名称（英文）', labelZh: '操作名称（中文）', fields: '统一填写以下字段',
    problems: { label: '请填写操作的英文名称。', fields: '请至少选择一个要填写的字段。' },
  },
  onTransfer: {
    legend: '{{target}}记录转移给其他负责人时，本记录（若属于原负责人）',
    none: { label: '保留', hint: '负责人不变（默认）。' },
    all: { label: '跟随', hint: '随{{target}}一起转给新负责人。' },
    open: { label: '未结束时跟随', hint: '除非其流程已到达结束状态，否则一起转移。' },
    notIn: { label: '除非某字段表明已完成，否则跟随', hint: '除非该字段的值是下面勾选的值之一，否则一起转移。' },
    fromNow: { label: '日期未到时跟随', hint: '仅当该日期尚未过去时一起转移。' },
    field: '字段', values: '值为以下之一时保留', date: '日期',
    problems: {
      workflow: '“未结束时跟随”要求本实体有流程，才能区分未结束与已结束的记录。',
      field: '请选择决定记录是否跟随的字段。',
      values: '请至少勾选一个使记录保留的值。',
    },
  },
  calendar: {
    startField: '开始于', endField: '结束于', noEnd: '（无：单日或单一时刻）', titleField: '条目标题', defaultTitle: '（记录标题）',
    hint: '记录按开始时间放到日历上；同类（日期或日期时间）的结束时间让它跨越一段时间。',
    noDates: '{{entity}}没有可用于排布记录的日期或日期时间字段：请先添加一个。',
  },
  lock: {
    legend: '记录锁定',
    enabled: '在此状态下锁定记录',
    hint: '记录处于此状态时，表单、批量编辑、导入和插件都不能修改被锁定的字段；流程流转不受影响。',
    whole: '整条记录', some: '仅以下字段', fields: '锁定的字段',
    except: '仍可编辑的角色', exceptHint: '拥有这些角色之一的用户仍可修改被锁定的字段。',
    noFields: '请至少勾选一个字段；在此之前不锁定任何内容。',
  },
  publicForm: {
    open: '公开表单', heading: '{{entity}}的公开表单',
    hint: '任何人无需登录即可在网页上填写的表单（网页获客）；每次提交都会创建一条{{entity}}记录。',
    none: '还没有公开表单。', new: '新建公开表单', edit: '编辑 {{slug}}', offline: '已下线', newTitle: '留下您的信息', sectionLabel: '您的信息',
    editHeading: '公开表单 /forms/{{slug}}', newHeading: '新建公开表单',
    slug: '地址', slugHint: '访客通过 /forms/{{slug}} 打开。',
    titleEn: '标题（英文）', titleZh: '标题（中文）', introEn: '简介（英文）', introZh: '简介（中文）',
    thanksEn: '感谢语（英文）', thanksZh: '感谢语（中文）', thanksHint: '提交成功后显示。',
    fields: '填写的字段', fieldsHint: '只能是访客可以直接填写的普通字段（不含关联、用户和文件）。',
    submitAs: '创建身份', submitAsHint: '一个服务账号：不是管理员，且有权创建{{entity}}记录。', chooseUser: '选择用户…',
    event: '随后触发流程事件', noEvent: '（无）',
    perMinute: '同一地址每分钟可提交次数', captcha: '接受提交前先做一道简单算术题（防垃圾提交）',
    enabled: '在线（取消勾选可下线表单而不删除）',
    defaults: '每次提交自动填入的值（访客看不到）', defaultField: '字段', defaultValue: '值', addDefault: '添加值', removeDefault: '移除{{name}}的值',
    apply: '应用', close: '关闭', remove: '删除公开表单',
    problems: {
      slug: '地址只能使用小写字母、数字和 -，以字母或数字开头（最多 63 个字符）。',
      slugTaken: '已有其他公开表单使用地址“{{slug}}”。',
      title: '英文标题为必填项。',
      submitAs: '请选择提交时使用的创建身份。',
      fields: '请至少勾选一个要填写的字段。',
      perMinute: '每分钟提交次数：1 到 600 之间的整数。',
      defaultField: '请为每个值选择字段，且每个字段只能出现一次。',
      defaultValue: '“{{name}}”的值与字段不符。',
    },
  },
};
