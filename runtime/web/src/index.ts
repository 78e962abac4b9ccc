export { mountApp } from './mount-app';
export type { MountAppOptions } from './mount-app';
