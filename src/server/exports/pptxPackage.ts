/**
 * The PPTX as a whole Open Packaging Conventions package. pptxgenjs 4.0.1 (the latest) lists
 * `[Content_Types].xml` Overrides for slide masters 2…19 that it never writes (its issue #1444);
 * PowerPoint then offers to "repair" the file. Every deck passes through here once, where it is
 * written: Overrides for absent parts go, and a relationship pointing at an absent part is a bug
 * in our drawing or the library's, refused loudly rather than handed to a client.
 */
import JSZip from 'jszip';

export async function wholePackage(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const has = (part: string) => zip.file(part.replace(/^\//, '')) !== null;
  const typesFile = '[Content_Types].xml';
  const types = await zip.file(typesFile)!.async('string');
  zip.file(
    typesFile,
    types.replace(/<Override\b[^>]*\bPartName="([^"]+)"[^>]*\/>/g, (tag, part: string) =>
      has(part) ? tag : '',
    ),
  );
  for (const rels of Object.keys(zip.files).filter((f) => /(^|\/)_rels\/[^/]*\.rels$/.test(f))) {
    const xml = await zip.file(rels)!.async('string');
    // Targets are relative to the folder of the part the .rels belongs to.
    const base = `http://package/${rels.replace(/_rels\/[^/]*\.rels$/, '')}`;
    for (const [tag] of xml.matchAll(/<Relationship\b[^>]*>/g)) {
      const target = /\bTarget="([^"]+)"/.exec(tag)?.[1];
      if (/\bTargetMode="External"/.test(tag) || !target) continue;
      const part = decodeURIComponent(new URL(target, base).pathname);
      if (!has(part)) throw new Error(`PPTX: ${rels} points at ${part}, which the package lacks`);
    }
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
