import type { KeyboardCoordinateGetter } from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { CANVAS_DROP_ID } from './form-canvas';

const MOVE_KEYS = ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown'];

/**
 * Keyboard dragging: a palette item jumps straight onto the canvas on any arrow key (stepping
 * pixel by pixel across the screen would take dozens of presses); canvas fields move between
 * neighbours as dnd-kit's sortable lists do.
 */
export const designerKeyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
  const { active, droppableRects } = args.context;
  if (active?.data.current?.kind === 'palette') {
    if (!MOVE_KEYS.includes(event.code)) return undefined;
    event.preventDefault();
    const rect = droppableRects.get(CANVAS_DROP_ID);
    if (!rect) return undefined;
    const activeRect = args.context.collisionRect;
    return { x: rect.left + rect.width / 2 - (activeRect?.width ?? 0) / 2, y: rect.top + rect.height - 40 };
  }
  return sortableKeyboardCoordinates(event, args);
};
