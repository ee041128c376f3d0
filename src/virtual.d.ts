/** The data files public/data/index.json lists, as the build read it (src/build/dataPlugin.ts). */
declare module 'virtual:data-files' {
  const files: string[];
  export default files;
}
