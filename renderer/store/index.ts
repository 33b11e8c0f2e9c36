// The renderer's stores. Import from here so slices can be reorganised without touching components.
export { useShellStore, type Mode } from './shell-store';
