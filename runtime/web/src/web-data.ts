// The web app's data without React, for node code (tests, plugins' build scripts): its UI
// strings (a test reads every end-user text) and the filter builder's query format (the list
// URLs the app builds).
export { en as webMessagesEn } from './i18n/en';
export { zh as webMessagesZh } from './i18n/zh';
export { conditionsToFilter } from './list/list-query';
