// Repositories that are public although their registry is private by nature (Google's registries host Google's own
// public images): an image in them needs no credentials, so a missing credential pattern is no finding. Each entry
// names where its publisher documents it as public. A `public` list in .valohai-lint.yaml adds to these.
export const KNOWN_PUBLIC: readonly string[] = [
  // Google Cloud Deep Learning Containers (cloud.google.com/deep-learning-containers/docs/choosing-container).
  'gcr.io/deeplearning-platform-release/*',
  'us-docker.pkg.dev/deeplearning-platform-release/*',
  // TensorFlow's images before they moved to Docker Hub (tensorflow.org/install/docker, earlier editions).
  'gcr.io/tensorflow/*',
  // Distroless base images (github.com/GoogleContainerTools/distroless).
  'gcr.io/distroless/*',
  // Kubernetes and Google container tooling published for anyone to pull.
  'gcr.io/google-containers/*',
  'gcr.io/kaniko-project/*',
  'gcr.io/cloud-builders/*',
  'gcr.io/google.com/cloudsdktool/*',
];
