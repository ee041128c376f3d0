/**
 * The imperative MapLibre map behind RegionMap.svelte. Loaded lazily (this module pulls in
 * MapLibre), created once, fed feature-state diffs, destroyed with the component. The map owns
 * only its camera; colours and selection come from the app state. It draws the vector tiles
 * geo/build.mjs cut from the topology, so it needs neither the topology nor the data to start.
 */
import {
  Map as MlMap,
  NavigationControl,
  prewarm,
  setWorkerCount,
  setWorkerUrl,
  type MapLayerMouseEvent,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { RegionCode } from '../data/schema';
import { labelPoints, type SwedenTopology } from '../geo/topology';
import { HATCH } from './patterns';
import { whenDrawn, type GpuWait } from './whenDrawn';
import { buildStyle, COLORS, PATTERN, SWEDEN_BOUNDS, type RegionState } from './style';

setWorkerUrl(workerUrl);
// One worker in every engine. MapLibre starts one, except in Safari, where it starts half the
// cores' worth (up to 3), all from the same script URL; WebKit puts only the first of several
// dedicated workers of one URL under the page's service worker, so offline the others' tile
// requests fail ("AJAXError: Load failed (0)") and the map could not be drawn. Eight small tiles
// cut in advance (geo/build.mjs) are no work to share out anyway.
setWorkerCount(1);
/** Pixel ratio of the map while its canvas is hidden (see createRegionMap). */
const HIDDEN_PIXEL_RATIO = 1 / 32;
// Start the worker (a 148 KB script) as soon as this module runs, not when the map's style asks
// for it: its download and start-up then overlap the WebGL set-up instead of following it.
prewarm();

export interface RegionMapOptions {
  container: HTMLElement;
  /** Pointer over a region (or null when it leaves), with the pointer's position in the container. */
  onHover: (code: RegionCode | null, point: { x: number; y: number } | null) => void;
  /** Click on a region, or on the sea/land around (null). */
  onSelect: (code: RegionCode | null) => void;
  /** MapLibre control labels in the interface language. */
  locale: Record<string, string>;
}

export interface RegionMapHandle {
  /** Settles when MapLibre has loaded everything and drawn it; rejects if the map fails first. */
  loaded: Promise<void>;
  /** Applies per-region feature-state; only changed keys are sent to MapLibre. */
  setStates(states: Partial<Record<RegionCode, RegionState>>): void;
  /** Takes the regions' label points from the topology (keyboard tooltips anchor there). */
  setLabels(topology: SwedenTopology): void;
  /** Screen position (in the container) of a region's label point; null before setLabels. */
  labelPoint(code: RegionCode): { x: number; y: number } | null;
  /**
   * Resolves when the map has rendered everything it was given and its first full frame is on
   * screen; never settles if the map fails or is destroyed before that.
   */
  idle(): Promise<void>;
  /** Codes of the regions drawn at the given pixel (test hook and hit testing). */
  regionsAt(x: number, y: number): RegionCode[];
  /** Relabels MapLibre's controls in another language. */
  setLocale(locale: Record<string, string>): void;
  /** Codes of every region MapLibre has rendered in the current view. */
  renderedRegions(): RegionCode[];
  /** Feature-state of a region as MapLibre holds it. */
  stateOf(code: RegionCode): Record<string, unknown>;
  /**
   * A copy of the map as drawn at `pixelRatio` device pixels per CSS pixel, cropped to Sweden
   * with a margin of context (for the PNG export).
   */
  snapshot(pixelRatio: number): Promise<HTMLCanvasElement>;
  fit(): void;
  destroy(): void;
}

/** Where MapLibre finds a region's feature-state: the regions tile set's one layer. */
const REGION = { source: 'regions', sourceLayer: 'regions' } as const;

/**
 * Creates the map; resolves once its style is in (feature-state can be set from then on), before
 * the first tile is drawn. Rejects (GPUInitializationError or other) where WebGL2 is missing; the
 * caller shows the no-map message and everything else keeps working. A failure after that
 * rejects the handle's `loaded`.
 */
export async function createRegionMap(opts: RegionMapOptions): Promise<RegionMapHandle> {
  let labels = new Map<RegionCode, [number, number]>();

  performance.mark('map:create');
  const map = new MlMap({
    container: opts.container,
    style: buildStyle(new URL(import.meta.env.BASE_URL, location.href).href),
    bounds: SWEDEN_BOUNDS,
    fitBoundsOptions: { padding: 12 },
    // Wide enough that fitting Sweden's height in a wide container is never blocked.
    maxBounds: [
      [-12, 47],
      [46, 74],
    ],
    minZoom: 2.5,
    maxZoom: 9,
    renderWorldCopies: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    // In a page people scroll, the map takes two fingers / Ctrl+scroll to move.
    cooperativeGestures: true,
    attributionControl: { compact: true, customAttribution: 'Natural Earth' },
    locale: opts.locale,
    fadeDuration: 0,
    pixelRatio: HIDDEN_PIXEL_RATIO,
  });
  // Until every tile is in, MapLibre draws partial frames (the sea, then the land, then the
  // regions), and on a software renderer each frame shown costs tens of milliseconds of main
  // thread to composite. The canvas stays hidden (the frame's background is the sea colour)
  // until the frame that draws everything, which is then the first one composited. Measured
  // against a canvas shown from the start: painted about as soon, and Lighthouse performance
  // 93–97 against 78–89.
  // Hidden frames are still drawn by the GPU, about 30 ms each at full size on a software
  // renderer. So until then the map draws at HIDDEN_PIXEL_RATIO (a canvas of a few pixels, whose
  // frames cost next to nothing) and switches to the screen's ratio for the frame that draws
  // everything: idle to painted fell from about 340 to 190 ms (7 runs). Tiles do not depend on
  // the ratio; only the drawing buffer does.
  // That full frame is drawn hidden too, and shown once the GPU has finished it (whenDrawn).
  // Chromium and Firefox present only a canvas that is painted, so the hidden one keeps its
  // drawing buffer and shows that frame without a redraw; a browser that presents it anyway
  // shows the same frame, only without the gain.
  const canvas = map.getCanvas();
  canvas.style.visibility = 'hidden';
  // null (documented, though typed as number): follow the device's pixel ratio, as by default.
  const followDevice = () => map.setPixelRatio(null as unknown as number);
  let revealed = false;
  let gpu: GpuWait | null = null;
  const rearm = () => gpu?.rearm();
  let shown!: () => void;
  const drawnInFull = new Promise<void>((resolve) => (shown = resolve));
  const show = () => {
    if (revealed) return;
    revealed = true;
    map.off('sourcedata', reveal);
    followDevice();
    map.once('render', () => {
      // A frame drawn while waiting (colours that came meanwhile, a resize) is the one shown.
      map.on('render', rearm);
      gpu = whenDrawn(canvas, () => {
        map.off('render', rearm);
        canvas.style.visibility = '';
        shown();
      });
    });
  };
  const reveal = () => {
    if (map.isStyleLoaded() && map.areTilesLoaded()) show();
  };
  map.on('sourcedata', reveal);
  // 'load' shows it in any case: MapLibre has everything then.
  map.once('load', show);
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');

  /** Each region's latest state: what MapLibre shows, or will show once its style is back. */
  const applied = new Map<RegionCode, RegionState>();
  // False while the WebGL context is lost and until the style MapLibre rebuilds after it has
  // loaded: MapLibre has no style then (setFeatureState would throw), and the states given
  // meanwhile are drawn when it is back (see 'webglcontextrestored').
  let styleReady = false;
  // True from a feature-state change until MapLibre reports the frame drawn ('idle').
  let dirty = false;
  map.on('idle', () => (dirty = false));
  const setStates = (states: Partial<Record<RegionCode, RegionState>>) => {
    for (const [code, next] of Object.entries(states) as Array<[RegionCode, RegionState]>) {
      const prev = applied.get(code) ?? {};
      const diff: RegionState = {};
      for (const k of Object.keys(next) as Array<keyof RegionState>)
        if (prev[k] !== next[k]) (diff as Record<string, unknown>)[k] = next[k];
      if (Object.keys(diff).length === 0) continue;
      applied.set(code, { ...prev, ...next });
      if (!styleReady) continue;
      map.setFeatureState({ ...REGION, id: code }, diff);
      dirty = true;
    }
  };
  const addImages = () => {
    if (!map.hasImage(PATTERN)) map.addImage(PATTERN, HATCH(), { pixelRatio: 2 });
  };
  const reapply = () => {
    for (const [code, s] of applied) map.setFeatureState({ ...REGION, id: code }, s);
  };

  // The hatches are generated here, not fetched: supply them whenever the style asks.
  map.setMissingStyleImageResolver(() => addImages());
  const failed = (reject: (e: unknown) => void) => (e: { error: unknown }) => reject(e.error);
  try {
    // Feature-state can be set once the sources exist, before any tile is drawn, so the handle
    // is returned then: colours given early make the first drawn frame the coloured one (each
    // frame costs tens of milliseconds on a software renderer).
    await new Promise<void>((resolve, reject) => {
      map.once('style.load', () => resolve());
      map.once('error', failed(reject));
    });
  } catch (e) {
    // Nothing else holds the map yet: release its WebGL context, workers and listeners here.
    map.remove();
    throw e;
  }
  styleReady = true;
  addImages();
  // Loaded once MapLibre has everything and has drawn it at the screen's pixel ratio.
  const loaded = new Promise<void>((resolve, reject) => {
    const onError = failed(reject);
    map.once('load', () => {
      performance.mark('map:load');
      // MapLibre has everything: what remains is the GPU finishing the frame (whenDrawn).
      map.off('error', onError);
      void drawnInFull.then(resolve);
    });
    map.once('error', onError);
  });

  // A lost WebGL context takes MapLibre's style with it; a restored one comes back without
  // feature-state: MapLibre rebuilds the style from a snapshot, asynchronously, so the latest
  // colours (including any given while it was lost) are drawn once that style has loaded.
  map.on('webglcontextlost', () => (styleReady = false));
  map.on('webglcontextrestored', () => {
    const restore = () => {
      styleReady = true;
      addImages();
      reapply();
      map.triggerRepaint();
    };
    if (map.isStyleLoaded()) restore();
    else map.once('style.load', restore);
  });

  let hovered: RegionCode | null = null;
  map.on('mousemove', 'region-fill', (e: MapLayerMouseEvent) => {
    const code = (e.features?.[0]?.properties?.code ?? null) as RegionCode | null;
    map.getCanvas().style.cursor = code ? 'pointer' : '';
    hovered = code;
    opts.onHover(code, { x: e.point.x, y: e.point.y });
  });
  map.on('mouseleave', 'region-fill', () => {
    map.getCanvas().style.cursor = '';
    hovered = null;
    opts.onHover(null, null);
  });
  map.on('click', (e) => {
    const f = map.queryRenderedFeatures(e.point, { layers: ['region-fill'] })[0];
    opts.onSelect((f?.properties?.code ?? null) as RegionCode | null);
  });

  // Keep all of Sweden in view when the container changes size, unless the reader has moved.
  let userMoved = false;
  let size = [opts.container.clientWidth, opts.container.clientHeight].join();
  map.on('movestart', (e) => {
    if ((e as { originalEvent?: Event }).originalEvent) userMoved = true;
  });
  const fit = () => {
    userMoved = false;
    map.fitBounds(SWEDEN_BOUNDS, { padding: 12, animate: false });
  };
  const ro = new ResizeObserver(() => {
    // The observer also reports the size the map was created at: resizing then would only cost
    // an extra frame.
    const next = [opts.container.clientWidth, opts.container.clientHeight].join();
    if (next === size) return;
    size = next;
    map.resize();
    if (!userMoved) fit();
  });
  ro.observe(opts.container);

  return {
    loaded,
    setStates,
    setLabels(topology) {
      labels = labelPoints(topology);
    },
    labelPoint(code) {
      const ll = labels.get(code);
      if (!ll) return null;
      const p = map.project(ll);
      return { x: p.x, y: p.y };
    },
    async idle() {
      // Nothing is on screen before the full frame is shown.
      await drawnInFull;
      return new Promise((resolve) => {
        const settled = map.loaded() && !map.isMoving() && map.areTilesLoaded();
        // Nothing changed since the last drawn frame: what is on screen is already current.
        if (settled && !dirty) resolve();
        else {
          map.once('idle', () => resolve());
          if (settled) map.triggerRepaint();
        }
      });
    },
    regionsAt(x, y) {
      return map
        .queryRenderedFeatures([x, y], { layers: ['region-fill'] })
        .map((f) => f.properties?.code as RegionCode);
    },
    setLocale(locale) {
      // MapLibre reads `locale` only when a control is created; relabel the buttons in place.
      const c = map.getContainer();
      for (const [sel, key] of [
        ['.maplibregl-ctrl-zoom-in', 'NavigationControl.ZoomIn'],
        ['.maplibregl-ctrl-zoom-out', 'NavigationControl.ZoomOut'],
        ['.maplibregl-ctrl-attrib-button', 'AttributionControl.ToggleAttribution'],
      ] as const) {
        const el = c.querySelector(sel);
        if (el && locale[key]) {
          el.setAttribute('title', locale[key]);
          el.setAttribute('aria-label', locale[key]);
        }
      }
      const canvas = map.getCanvas();
      if (locale['Map.Title']) canvas.setAttribute('aria-label', locale['Map.Title']);
    },
    renderedRegions() {
      const codes = map
        .queryRenderedFeatures({ layers: ['region-fill'] })
        .map((f) => f.properties?.code as RegionCode);
      return [...new Set(codes)].sort();
    },
    stateOf(code) {
      // Nothing while MapLibre has no style (a lost context): it would throw.
      return styleReady ? map.getFeatureState({ ...REGION, id: code }) : {};
    },
    async snapshot(pixelRatio) {
      map.setPixelRatio(pixelRatio);
      try {
        await new Promise<void>((resolve) => {
          map.once('idle', () => resolve());
          map.triggerRepaint();
        });
        // WebGL keeps the drawn frame only until it is composited: copy it inside 'render'.
        return await new Promise<HTMLCanvasElement>((resolve) => {
          map.once('render', () => {
            const src = map.getCanvas();
            const [w, sth, e, n] = SWEDEN_BOUNDS;
            const a = map.project([w, sth]);
            const b = map.project([e, n]);
            const margin = 24;
            const x0 = Math.max(0, Math.floor((Math.min(a.x, b.x) - margin) * pixelRatio));
            const y0 = Math.max(0, Math.floor((Math.min(a.y, b.y) - margin) * pixelRatio));
            const x1 = Math.min(src.width, Math.ceil((Math.max(a.x, b.x) + margin) * pixelRatio));
            const y1 = Math.min(src.height, Math.ceil((Math.max(a.y, b.y) + margin) * pixelRatio));
            const copy = document.createElement('canvas');
            copy.width = Math.max(1, x1 - x0);
            copy.height = Math.max(1, y1 - y0);
            const ctx = copy.getContext('2d')!;
            // The canvas is transparent where the sea is (the page draws it behind the map).
            ctx.fillStyle = COLORS.sea;
            ctx.fillRect(0, 0, copy.width, copy.height);
            ctx.drawImage(src, x0, y0, copy.width, copy.height, 0, 0, copy.width, copy.height);
            resolve(copy);
          });
          map.triggerRepaint();
        });
      } finally {
        if (revealed) followDevice();
        else map.setPixelRatio(HIDDEN_PIXEL_RATIO);
      }
    },
    fit,
    destroy() {
      gpu?.cancel();
      ro.disconnect();
      if (hovered) opts.onHover(null, null);
      map.remove();
    },
  };
}
