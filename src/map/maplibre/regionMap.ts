/**
 * The MapLibre renderer's imperative map, behind MapLibreMap.svelte: it draws the map model
 * (model.ts) as feature-state over the vector tiles geo/build.mjs cut, and owns only its camera.
 * Loaded on the reader's first sign of wanting to pan or zoom (see MapView.svelte); until then,
 * and whenever it cannot draw, the SVG map is what the reader sees.
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
import type { RegionCode } from '../../data/schema';
import { frame, GEOMETRY, unproject, ZOOM_RANGE } from '../geometry';
import type { RegionLook } from '../model';
import { HATCH } from '../patterns';
import { whenDrawn, type GpuWait } from './whenDrawn';
import { buildStyle, featureState, PATTERN, type RegionState } from './style';

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
  /**
   * The canvas is on screen with the latest colours (true), or cannot be (false: the WebGL
   * context was lost; true again once it is restored and redrawn).
   */
  onShown: (shown: boolean) => void;
  /** MapLibre control labels in the interface language. */
  locale: Record<string, string>;
  /** The camera to start at (the SVG map's view); Sweden fitted to the container by default. */
  start?: { center: [number, number]; zoom: number };
}

export interface RegionMapHandle {
  /** Settles once the map's first full frame is on screen; rejects if the map fails first. */
  loaded: Promise<void>;
  /** Draws the regions' looks; only what changed is sent to MapLibre. */
  setLooks(looks: readonly RegionLook[]): void;
  /** Screen position (in the container) of a region's label point. */
  labelPoint(code: RegionCode): { x: number; y: number } | null;
  /** Screen position (in the container) of a point in path units (geometry.ts): where a name label stands. */
  project(at: readonly [number, number]): { x: number; y: number };
  /** The camera's zoom and centre [lon, lat]. */
  zoom(): number;
  center(): [number, number];
  /** Calls `listener` whenever the camera moves; returns the unsubscribe. */
  onMove(listener: () => void): () => void;
  /** Resolves when the map has rendered everything it was given and it is on screen. */
  idle(): Promise<void>;
  /** Relabels MapLibre's controls in another language. */
  setLocale(locale: Record<string, string>): void;
  /** Zooms in (+1) or out (−1) about the centre, as the zoom buttons do. */
  zoomBy(delta: number): void;
  /**
   * Moves the camera to `center` and `zoom`: eased over `duration` ms (0 jumps). A move the
   * dashboard asks for on its own (`chosen` false: the map resized) leaves a camera the reader
   * has moved alone; a chosen one (a region opened or closed) always moves it.
   */
  setCamera(center: [number, number], zoom: number, duration: number, chosen: boolean): void;
  destroy(): void;
}

/** Where MapLibre finds a region's feature-state: the regions tile set's one layer. */
const REGION = { source: 'regions', sourceLayer: 'regions' } as const;
const LABELS = new Map(GEOMETRY.regions.map((r) => [r.code, r.label]));

/**
 * Creates the map at the SVG map's framing (geometry.ts `frame`, the same centre and zoom);
 * resolves once its style is in (looks can be set from then on), before the first tile is drawn.
 * Rejects (GPUInitializationError or other) where WebGL2 is missing. A failure after that rejects
 * the handle's `loaded`.
 */
export async function createRegionMap(opts: RegionMapOptions): Promise<RegionMapHandle> {
  performance.mark('map:create');
  const start = opts.start ?? frame(opts.container.clientWidth, opts.container.clientHeight);
  const map = new MlMap({
    container: opts.container,
    style: buildStyle(new URL(import.meta.env.BASE_URL, location.href).href),
    center: start.center,
    zoom: start.zoom,
    // Far wider than any national view, so the framing the SVG map drew is never adjusted.
    maxBounds: [
      [-40, 40],
      [80, 78],
    ],
    minZoom: ZOOM_RANGE.min,
    maxZoom: ZOOM_RANGE.max,
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
  // regions). The canvas stays hidden (the SVG map shows meanwhile) until the frame that draws
  // everything, and until then the map draws at HIDDEN_PIXEL_RATIO: hidden frames are still drawn
  // by the GPU, ~30 ms each at full size on a software renderer, next to nothing at a few pixels.
  // The full frame is drawn hidden at the screen's ratio and shown once the GPU has finished it
  // (whenDrawn): compositing a WebGL canvas on a software renderer reads it back, and that read
  // would otherwise wait ~200 ms on the main thread. Tiles do not depend on the ratio.
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
  // loaded: MapLibre has no style then (setFeatureState would throw), and the looks given
  // meanwhile are drawn when it is back (see 'webglcontextrestored').
  let styleReady = false;
  // True from a context loss until its restore: nothing may say the canvas is on screen then.
  let contextLost = false;
  // True from a feature-state change until MapLibre reports the frame drawn ('idle').
  let dirty = false;
  map.on('idle', () => (dirty = false));
  const setLooks = (looks: readonly RegionLook[]) => {
    for (const look of looks) {
      const next = featureState(look);
      const prev = applied.get(look.code) ?? {};
      const diff: RegionState = {};
      for (const k of Object.keys(next) as Array<keyof RegionState>)
        if (prev[k] !== next[k]) (diff as Record<string, unknown>)[k] = next[k];
      if (Object.keys(diff).length === 0) continue;
      applied.set(look.code, next);
      if (!styleReady) continue;
      map.setFeatureState({ ...REGION, id: look.code }, diff);
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
    // is returned then: looks given early make the first drawn frame the coloured one.
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
  // Loaded once MapLibre has everything and its full frame is on screen.
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

  // A lost WebGL context takes MapLibre's style with it (the SVG map shows meanwhile); a
  // restored one comes back without feature-state: MapLibre rebuilds the style from a snapshot,
  // asynchronously, so the latest looks (including any given while it was lost) are drawn once
  // that style has loaded, and the canvas is shown again once that frame is drawn.
  map.on('webglcontextlost', () => {
    styleReady = false;
    contextLost = true;
    opts.onShown(false);
  });
  map.on('webglcontextrestored', () => {
    contextLost = false;
    const restore = () => {
      if (contextLost) return;
      styleReady = true;
      addImages();
      reapply();
      map.once('idle', () => !contextLost && opts.onShown(true));
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

  // The camera follows the dashboard's view (setCamera) unless the reader has moved it.
  let userMoved = false;
  let size = [opts.container.clientWidth, opts.container.clientHeight].join();
  map.on('movestart', (e) => {
    if ((e as { originalEvent?: Event }).originalEvent) userMoved = true;
  });
  const ro = new ResizeObserver(() => {
    // The observer also reports the size the map was created at: resizing then would only cost
    // an extra frame. The view for the new size comes through setCamera.
    const next = [opts.container.clientWidth, opts.container.clientHeight].join();
    if (next === size) return;
    size = next;
    map.resize();
  });
  ro.observe(opts.container);

  // A context lost between MapLibre's load and the GPU finishing the first frame: the canvas is
  // dead, and the restore will say when it is back.
  void loaded.then(
    () => !contextLost && opts.onShown(true),
    () => undefined,
  );

  return {
    loaded,
    setLooks,
    labelPoint(code) {
      const ll = LABELS.get(code);
      if (!ll) return null;
      const p = map.project(ll);
      return { x: p.x, y: p.y };
    },
    project(at) {
      const p = map.project(unproject(at));
      return { x: p.x, y: p.y };
    },
    zoom: () => map.getZoom(),
    center: () => map.getCenter().toArray() as [number, number],
    onMove(listener) {
      map.on('move', listener);
      return () => void map.off('move', listener);
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
      if (locale['Map.Title']) canvas.setAttribute('aria-label', locale['Map.Title']);
    },
    zoomBy(delta) {
      userMoved = true;
      map.zoomTo(map.getZoom() + delta);
    },
    setCamera(center, zoom, duration, chosen) {
      if (chosen) userMoved = false;
      else if (userMoved) return;
      const c = map.getCenter();
      if (Math.abs(c.lng - center[0]) < 1e-7 && Math.abs(c.lat - center[1]) < 1e-7 && map.getZoom() === zoom)
        return;
      if (duration > 0) map.easeTo({ center, zoom, duration });
      else map.jumpTo({ center, zoom });
    },
    destroy() {
      gpu?.cancel();
      ro.disconnect();
      if (hovered) opts.onHover(null, null);
      map.remove();
    },
  };
}
