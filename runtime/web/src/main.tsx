// The plain end-user app, without plugins (examples/*/web/app.tsx adds theirs).
import { mountApp } from './mount-app';

mountApp(document.getElementById('root')!);
