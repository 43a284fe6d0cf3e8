// Hover data for images: parts, normalized name, registry, and the credential pattern that covers it or why none does.
import { expect, it } from 'vitest';
import { describeImages, imageAt } from '../src/index.js';

const TEXT = `- step:
    name: a
    image: myorg/train:1.0
    command: x
- step:
    name: b
    image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/ml/train:2.0
    command: x
- step:
    name: c
    image: docker.io/library/python:3.12
    command: x
- step:
    name: d
    image: \${IMAGE}
    command: x
`;
const config = { registries: [{ pattern: 'docker.io/myorg/*', type: 'docker-hub' }, { pattern: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/*', type: 'aws-ecr' }], public: ['docker.io/library/*'] };

it('describes every image with its parts and credential status', () => {
  const [a, b, c, d] = describeImages(TEXT, config);
  expect(a).toMatchObject({ value: 'myorg/train:1.0', domain: 'docker.io', path: 'myorg/train', tag: '1.0', normalized: 'docker.io/myorg/train:1.0', fullyQualified: false, registry: 'Docker Hub', needsCredentials: true });
  expect(a!.credentials).toBe('Not covered as written: the pattern "docker.io/myorg/*" covers only "docker.io/myorg/train:1.0".');
  expect(b).toMatchObject({ registryKind: 'ecr', registry: 'AWS ECR', needsCredentials: true, coveredBy: { pattern: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/*', type: 'aws-ecr' } });
  expect(b!.credentials).toBe('Covered by the aws-ecr credentials pattern "123456789012.dkr.ecr.eu-west-1.amazonaws.com/*".');
  expect(c).toMatchObject({ needsCredentials: false, publicBy: 'docker.io/library/*' });
  expect(d).toMatchObject({ templated: true });
  expect(d!.credentials).toContain('Valohai does not fill in');
  expect(TEXT.slice(a!.span.start, a!.span.end)).toBe('myorg/train:1.0');
});

it('finds the image under an offset', () => {
  const offset = TEXT.indexOf('myorg/train') + 3;
  expect(imageAt(TEXT, offset, config)?.value).toBe('myorg/train:1.0');
  expect(imageAt(TEXT, TEXT.indexOf('command'), config)).toBeUndefined();
});

it('says which pattern to add when no registries are configured', () => {
  const b = describeImages(TEXT)[1]!;
  expect(b.suggestedPattern).toBe('123456789012.dkr.ecr.eu-west-1.amazonaws.com/ml/*');
  expect(b.credentials).toContain('add "123456789012.dkr.ecr.eu-west-1.amazonaws.com/ml/*" under "registries"');
});

it('says when a type was inferred from the pattern\'s host', () => {
  const b = describeImages(TEXT, { registries: [{ pattern: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/*' }] })[1]!;
  expect(b.credentials).toBe('Covered by the aws-ecr credentials pattern "123456789012.dkr.ecr.eu-west-1.amazonaws.com/*" (type inferred from its host).');
});
