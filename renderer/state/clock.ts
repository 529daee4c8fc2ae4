// The clock slice: one ticking "now" for countdowns and "today", so every screen agrees.
import { create } from 'zustand';

export const useClock = create<{ now: number }>(() => ({ now: Date.now() }));

export function initClock(): void {
  window.setInterval(() => useClock.setState({ now: Date.now() }), 1000);
}
