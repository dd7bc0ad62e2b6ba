import { useReducedMotion } from '@mantine/hooks';
import { type RefObject, useEffect, useRef } from 'react';
import type { RoomView } from './RoomContext.tsx';

/**
 * When the facilitator moves the room on, a follower's view goes to the top of what they
 * moved to: the new item's (or topic's) title, not wherever the previous one was scrolled to
 * (on a phone, that was often the bottom of the topic list). Smoothly, unless the person asked
 * for less motion. The facilitator's own view stays where they put it (they clicked there),
 * and someone looking around on their own is not moved.
 */
export function useScrollToFocus(target: RefObject<HTMLElement | null>, view: RoomView): void {
  const reduceMotion = useReducedMotion();
  const place = `${view.itemId}|${view.topicId}`;
  const shown = useRef(place);
  useEffect(() => {
    if (shown.current === place) return;
    shown.current = place;
    if (view.leading || !view.following) return;
    const el = target.current;
    // Hidden (a phone showing the agenda or notes tab): it is at its top when they come back.
    if (!el || el.offsetParent === null) return;
    // Only when the top is out of sight: a view already showing it does not jump.
    const top = el.getBoundingClientRect().top;
    if (top >= 0 && top < window.innerHeight / 2) return;
    el.scrollIntoView({ block: 'start', behavior: reduceMotion ? 'auto' : 'smooth' });
  }, [place, view.leading, view.following, reduceMotion, target]);
}
