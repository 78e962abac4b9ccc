import type { actionEditorsEn } from './en-action-editors';

/** 内置流程动作编辑器的简体中文文字。 */
export const actionEditorsZh: typeof actionEditorsEn = {
  actionEditors: {
    value: '值', keptValue: '按原样保留（此处不可编辑）：{{json}}',
    addField: '添加字段…', removeField: '移除 {{field}}', noSuchField: '字段“{{field}}”已不存在。',
    noSource: '此流程所属的实体已不在应用中：请先重新选择实体，再编辑此动作。',
    setFields: { hint: '记录在状态变化的同一步中写入这些值。', none: '请至少添加一个要设置的字段。' },
    createRecord: {
      entity: '要新建的记录', noEntity: '请选择要新建什么。', values: '它的字段',
      source: '值从哪里来', sources: { value: '固定值', expr: '基于本记录的表达式', created: '刚新建的记录' },
      valuesHint: '表达式按字段名读取本记录的字段，例如 {{example}}。“刚新建的记录”按名称指向同一步中更早的“新建关联记录”。',
      noneCreated: '这一步中没有更早的动作为其新建的记录命名。', notCreated: '这一步中没有更早的动作新建“{{name}}”。',
      link: '它指回本记录的关联', backLink: '本记录指向它的关联', none: '无',
      as: '供后续动作使用的名称（可选）', asHint: '小写字母、数字和 _，以字母开头；同一步的后续动作用它关联到这条记录。',
    },
    assignOwner: {
      strategy: '如何选择负责人',
      strategies: { 'round-robin': '轮流', rules: '按规则', load: '最空闲的人' },
      hints: {
        'round-robin': '每条记录依次分给名单中的下一个人。',
        rules: '第一条成立的规则决定人选，由他们轮流接手；都不成立时由备选人员轮流接手，否则负责人不变。',
        load: '分给此类未完成记录最少的人。',
      },
      users: '人选', noUsers: '请至少添加一个人。', rules: '规则（按顺序检查）', when: '条件', ruleUsers: '则在这些人中',
      whenHint: '基于记录字段的条件，例如 {{example}}。', addRule: '添加规则', removeRule: '移除规则 {{n}}',
      fallback: '否则在这些人中（可选）', pool: '共享轮次（可选）', poolHint: '此处名称相同的动作共用一个轮次，不会在它们之间连续选中同一个人。',
    },
    webhook: {
      url: '接收记录的地址', badUrl: '地址以 http:// 或 https:// 开头。',
      urlHint: '在这一步保存后发送；若这一步被撤销，则不发送。',
      secret: '签名密钥（可选）', secretHint: '至少 {{min}} 个字符。接收方校验签名，以确认消息来自本应用。',
      retryLimit: '失败后重试次数', retryDelay: '首次重试间隔（秒）', retryHint: '每次重试的等待时间是上一次的两倍。',
    },
    startApproval: { hint: '启动这一步所进入状态的审批。审批人在该状态中设置。' },
  },
};
