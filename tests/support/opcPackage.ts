import JSZip from 'jszip';

/**
 * What is wrong with an Office Open XML package (a .pptx) as a strict reader sees it: every
 * `Override` in [Content_Types].xml must name a part that is in the zip, and every internal
 * relationship target in every `_rels/*.rels` must exist. PowerPoint offers to "repair" a file
 * that breaks either rule. Returns one line per problem; an empty list is a whole package.
 */
export async function packageProblems(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const problems: string[] = [];
  const types = await zip.file('[Content_Types].xml')?.async('string');
  if (!types) return ['no [Content_Types].xml'];
  for (const [, part] of types.matchAll(/<Override\b[^>]*\bPartName="([^"]+)"/g))
    if (!zip.file(part!.replace(/^\//, ''))) problems.push(`Override for a missing part ${part}`);
  const relsFiles = Object.keys(zip.files).filter((f) => /(^|\/)_rels\/[^/]*\.rels$/.test(f));
  if (!relsFiles.includes('_rels/.rels')) problems.push('no _rels/.rels');
  for (const rels of relsFiles) {
    const xml = await zip.file(rels)!.async('string');
    // A part's relationships live in <its folder>/_rels/<its name>.rels; targets are relative to its folder.
    const base = `http://package/${rels.replace(/_rels\/[^/]*\.rels$/, '')}`;
    for (const [tag] of xml.matchAll(/<Relationship\b[^>]*>/g)) {
      if (/\bTargetMode="External"/.test(tag)) continue;
      const target = /\bTarget="([^"]+)"/.exec(tag)?.[1];
      if (!target) {
        problems.push(`${rels}: a relationship without a target`);
        continue;
      }
      const part = decodeURIComponent(new URL(target, base).pathname.slice(1));
      if (!zip.file(part)) problems.push(`${rels}: target ${target} (${part}) is missing`);
    }
  }
  return problems;
}
