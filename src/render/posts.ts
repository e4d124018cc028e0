/**
 * Glue: a publication → its post kit, dist/<statement>/<lang>/posts.json beside its page.
 */
import { artefactPaths, type Artefact, type Publication } from '../publication.js';
import { postInput, postKit } from '../export/posts/index.js';

export async function renderPosts(pub: Publication): Promise<Artefact[]> {
  const kit = postKit(pub.slug, postInput(pub));
  return [{
    path: `${artefactPaths(pub.slug, pub.lang.tag).dir}/posts.json`,
    bytes: new TextEncoder().encode(`${JSON.stringify(kit, null, 2)}\n`),
    kind: 'other',
    slug: pub.slug,
    lang: pub.lang.tag,
  }];
}
