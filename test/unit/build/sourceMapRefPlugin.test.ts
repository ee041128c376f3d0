import { describe, expect, it } from 'vitest';
import { dropDanglingSourceMap } from '../../../src/build/sourceMapRefPlugin';

describe('dropDanglingSourceMap', () => {
  const code = 'self.x=1;\n//# sourceMappingURL=maplibre-gl-worker.mjs.map';

  it('drops a reference to a map the build does not ship', () => {
    expect(dropDanglingSourceMap(code, () => false)).toBe('self.x=1;\n');
  });

  it('keeps a reference to a shipped map, an inline map, and code without one', () => {
    expect(dropDanglingSourceMap(code, (ref) => ref === 'maplibre-gl-worker.mjs.map')).toBe(code);
    const inline = 'a;\n//# sourceMappingURL=data:application/json;base64,e30=';
    expect(dropDanglingSourceMap(inline, () => false)).toBe(inline);
    expect(dropDanglingSourceMap('a;', () => false)).toBe('a;');
  });
});
