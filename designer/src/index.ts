export { mountDesigner } from './mount-designer';
export type { MountDesignerOptions } from './mount-designer';
