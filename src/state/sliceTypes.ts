import type { StateCreator } from 'zustand';
import type { AppState } from './store';

/** A slice of the one app store, typed against the whole state so slices can call each other. */
export type SliceCreator<T> = StateCreator<AppState, [], [], T>;
