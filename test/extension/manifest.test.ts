// The extension's manifest (extension/package.json) against what it must agree with: the .valohai-lint.yaml schema
// (settings mirror it), the client library's engine requirement, the commands the code registers. (The client imports
// the server's protocol names from packages/language-server/src/protocol.ts.) Fast, no VS Code needed.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON, checked field by field below
const readJson = (path: string): Record<string, any> => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const manifest = readJson('extension/package.json');
const schema = readJson('packages/core/src/config/valohai-lint.schema.json');
const settings = manifest.contributes.configuration.properties;
const source = readdirSync(join(ROOT, 'extension/src'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => readFileSync(join(ROOT, 'extension/src', file), 'utf8'))
  .join('\n');

/** [major, minor, patch] of a version or a ^/~/>= range's lower bound. */
function lowerBound(range: string): number[] {
  const match = /(\d+)\.(\d+)\.(\d+)/.exec(range);
  if (!match) throw new Error(`not a version: ${range}`);
  return match.slice(1).map(Number);
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

describe('extension manifest', () => {
  it('offers the same severities and registry types as .valohai-lint.yaml', () => {
    expect(settings['valohaiLint.rules'].additionalProperties.enum).toEqual(schema.properties.rules.additionalProperties.enum);
    const registry = settings['valohaiLint.registries'].items;
    const schemaRegistry = schema.properties.registries.items;
    expect(registry.properties.type.enum).toEqual(schemaRegistry.properties.type.enum);
    expect(registry.required).toEqual(schemaRegistry.required);
    expect(Object.keys(registry.properties).sort()).toEqual(Object.keys(schemaRegistry.properties).sort());
  });

  it('declares every setting with a type, a default and a description', () => {
    for (const name of ['enable', 'rules', 'registries', 'public', 'files', 'configFile', 'trace.server']) {
      const setting = settings[`valohaiLint.${name}`];
      expect(setting, name).toBeDefined();
      expect(setting.type, name).toBeTypeOf('string');
      expect(setting, name).toHaveProperty('default');
      expect(setting.description ?? setting.markdownDescription, name).toBeTypeOf('string');
    }
  });

  it('requires at least the VS Code the client library needs, and types no newer than that', () => {
    const client = readJson('extension/node_modules/vscode-languageclient/package.json');
    expect(manifest.dependencies['vscode-languageclient']).toBe('11.0.0');
    expect(compare(lowerBound(manifest.engines.vscode), lowerBound(client.engines.vscode))).toBeGreaterThanOrEqual(0);
    expect(compare(lowerBound(manifest.devDependencies['@types/vscode']), lowerBound(manifest.engines.vscode))).toBeLessThanOrEqual(0);
  });

  it('registers every contributed command', () => {
    for (const { command } of manifest.contributes.commands) expect(source, command).toContain(`'${command}'`);
  });

  it('validates .valohai-lint.yaml with the schema copied at build time', () => {
    expect(manifest.contributes.yamlValidation).toEqual([
      { fileMatch: ['.valohai-lint.yaml', '.valohai-lint.yml'], url: './dist/valohai-lint.schema.json' },
    ]);
  });

  it('declares its workspace capabilities and what Marketplace publishing needs', () => {
    expect(manifest.capabilities.untrustedWorkspaces.supported).toBe('limited');
    expect(manifest.capabilities.virtualWorkspaces.supported).toBe(false);
    for (const key of ['publisher', 'license', 'repository', 'icon', 'displayName', 'description']) {
      expect(manifest[key], key).toBeTruthy();
    }
    expect(manifest.main).toBe('./dist/extension.js');
    expect(manifest.type).toBeUndefined();
  });
});
