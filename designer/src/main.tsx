// The plain designer, without plugins (examples/*/web/designer.tsx adds theirs).
import { mountDesigner } from './mount-designer';

mountDesigner(document.getElementById('root')!);
