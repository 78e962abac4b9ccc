/** The public form page's own words, in the visitor's language (field labels come from metadata). */
export const PUBLIC_FORM_TEXTS = {
  en: {
    submit: 'Submit',
    required: 'required',
    captcha: (a: number, b: number) => `To show you are a person: what is ${a} + ${b}?`,
    captchaWrong: 'The answer to the question is not right; please try the new one.',
    invalid: 'Please correct the fields marked below.',
    fieldRequired: (label: string) => `${label} is required.`,
    fieldInvalid: (label: string, message: string) => `${label}: ${message}.`,
    tooMany: (seconds: number) => `Too many submissions from your address; please try again in ${seconds} seconds.`,
    offline: 'This form is not available.',
    thanks: 'Thank you! We received your details and will be in touch soon.',
    yes: 'Yes',
    choose: 'Choose…',
    language: '中文',
  },
  zh: {
    submit: '提交',
    required: '必填',
    captcha: (a: number, b: number) => `请证明您不是机器人：${a} + ${b} 等于多少？`,
    captchaWrong: '问题的答案不正确，请回答新的问题。',
    invalid: '请修改下方标出的字段。',
    fieldRequired: (label: string) => `请填写${label}。`,
    fieldInvalid: (label: string, message: string) => `${label}：${message}。`,
    tooMany: (seconds: number) => `您的提交过于频繁，请在 ${seconds} 秒后重试。`,
    offline: '此表单暂不可用。',
    thanks: '谢谢！我们已收到您的信息，会尽快与您联系。',
    yes: '是',
    choose: '请选择…',
    language: 'English',
  },
} as const;

export type FormLanguage = keyof typeof PUBLIC_FORM_TEXTS;

/** `?lang=` first, then the browser's Accept-Language; English otherwise. */
export function formLanguage(query: unknown, acceptLanguage: string | undefined): FormLanguage {
  if (query === 'zh' || query === 'en') return query;
  return /^\s*zh\b/i.test(acceptLanguage ?? '') ? 'zh' : 'en';
}
