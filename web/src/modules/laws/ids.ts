/**
 * Element ids are `<short title>/<version date>/<path>` (server/src/modules/laws/README.md): the
 * first two segments are the law version, an `art51` segment the article everything below it is in.
 */

/** 行政处罚法/2021-01-22/art51/p1 → 行政处罚法/2021-01-22. */
export function lawIdOf(id: string): string {
  return id.split('/').slice(0, 2).join('/');
}

const ARTICLE = /^art\d+(?:-\d+)?(?:~\d+)?$/;

/** The article an element is, or is in; undefined for the law itself, a chapter, an appendix… */
export function articleIdOf(id: string): string | undefined {
  const parts = id.split('/');
  const at = parts.findIndex((p, i) => i >= 2 && ARTICLE.test(p));
  return at < 0 ? undefined : parts.slice(0, at + 1).join('/');
}

/** The law page, opened at an element (its article drawer, when it is in an article). */
export function lawHref(lawId: string, elementId?: string): string {
  const q = new URLSearchParams({ id: lawId });
  if (elementId && elementId !== lawId) q.set('el', elementId);
  return `/laws/view?${q.toString()}`;
}

/** Where an element id leads: its law page, at the element. */
export function elementHref(elementId: string): string {
  return lawHref(lawIdOf(elementId), elementId);
}

/** Warnings name the file as the server read it; people need only its name. */
export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
