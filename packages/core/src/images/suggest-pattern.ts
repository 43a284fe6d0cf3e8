// The credential pattern to suggest for an image that needs credentials: its registry host and, when the repository
// path has more than one component, its first one (`<host>/<prefix>/*`), the shape of Valohai's documented examples
// (`docker.io/myusername/*`, `gcr.io/my-project/*`, `us-central1-docker.pkg.dev/my-project/*`, `…amazonaws.com/*`).
import type { ImageRef } from '../docker/types.js';

export function suggestRegistryPattern(ref: ImageRef): string {
  const slash = ref.path.indexOf('/');
  const prefix = slash > 0 ? `${ref.path.slice(0, slash)}/` : '';
  return `${ref.domain}/${prefix}*`;
}
