import { createContext, useContext, type ReactNode } from 'react';
import type { MenuNode } from './access';
import type { MessageKey } from './i18n';

/** A menu entry as pages see it (pages must not import menu.tsx, which imports them). */
export interface VisibleMenuItem {
  key: string;
  path: string;
  label: MessageKey;
  icon?: ReactNode;
}

/** The menu this user sees, computed once by the layout from menu.tsx and /api/me. */
export const VisibleMenuContext = createContext<MenuNode<VisibleMenuItem>[]>([]);

export function useVisibleMenu(): MenuNode<VisibleMenuItem>[] {
  return useContext(VisibleMenuContext);
}

/** The visible entries without their groups, in menu order. */
export function flattenMenu<E>(nodes: MenuNode<E & { key: string; path: string }>[]): E[] {
  return nodes.flatMap((n) => (n.type === 'item' ? [n.entry] : n.children));
}
