import type { Messages } from './en';

/** 简体中文界面文字；实体与字段名称来自元数据。 */
export const zh: Messages = {
  app: { title: 'Tessera', loading: '加载中…', refresh: '刷新', refreshed: '应用定义已重新加载（版本 {{version}}）', version: '版本 {{version}}' },
  nav: { entities: '记录', empty: '此应用还没有实体。' },
  language: { label: '语言', en: 'English', zh: '中文' },
  list: {
    new: '新建',
    empty: '暂无记录，创建第一条吧。',
    previous: '上一页',
    next: '下一页',
    range: '第 {{from}}–{{to}} 条，共 {{total}} 条',
    open: '打开',
    yes: '是',
    no: '否',
  },
  form: {
    create: '新建{{entity}}',
    edit: '编辑{{entity}}',
    save: '保存',
    saving: '保存中…',
    cancel: '取消',
    saved: '已保存',
    back: '返回列表',
    fixErrors: '请修正标出的字段。',
    selectPlaceholder: '请选择…',
    relationLoading: '正在加载选项…',
  },
  validation: {
    required: '必填。',
    format: '不是有效的 {{format}}。',
    maxLength: '最多 {{limit}} 个字符。',
    minLength: '至少 {{limit}} 个字符。',
    minimum: '不能小于 {{limit}}。',
    maximum: '不能大于 {{limit}}。',
    pattern: '格式不正确。',
    enum: '请从选项中选择。',
    type: '值无效。',
  },
  errors: { network: '无法连接服务器：{{message}}', unknown: '出错了。' },
};
