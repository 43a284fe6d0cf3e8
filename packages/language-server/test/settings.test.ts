// Settings from a client are read defensively, and their precedence over `.valohai-lint.yaml` is the documented one.
import { describe, expect, it } from 'vitest';
import { effectiveConfig, normalizeSettings } from '../src/settings.js';

describe('normalizeSettings', () => {
  it.each([
    { what: 'nothing', raw: undefined, settings: { enable: true, rules: {}, registries: [], public: [], configFile: '' }, problems: 0 },
    { what: 'a non-object', raw: 'yes', settings: { enable: true, rules: {}, registries: [], public: [], configFile: '' }, problems: 1 },
    {
      what: 'everything valid (the VS Code extension sends configFile: null when unset)',
      raw: { enable: false, rules: { 'yaml-duplicate-key': 'error' }, registries: [{ pattern: 'docker.io/org/*', type: 'docker-hub', description: 'Hub' }], public: ['ghcr.io/*'], configFile: null, workspaceFolder: '/w' },
      settings: { enable: false, rules: { 'yaml-duplicate-key': 'error' }, registries: [{ pattern: 'docker.io/org/*', type: 'docker-hub', description: 'Hub' }], public: ['ghcr.io/*'], configFile: '' },
      problems: 0,
    },
    {
      what: 'unknown rules, bad severities, bad registries and patterns are dropped',
      raw: { enable: 'no', rules: { 'no-such-rule': 'error', 'yaml-duplicate-key': 'loud', 'yaml-ambiguous-value': false }, registries: [{ pattern: 'x/*', type: 'nope' }, 5], public: ['', 3, 'ok/*'], configFile: 7 },
      settings: { enable: true, rules: { 'yaml-ambiguous-value': 'off' }, registries: [], public: ['ok/*'], configFile: '' },
      problems: 8,
    },
    {
      what: 'a registry without a type is kept (the type is inferred from the host), one without a pattern dropped',
      raw: { registries: [{ pattern: 'myregistry.azurecr.io/*' }, { type: 'docker-hub' }, { pattern: 'docker.io/org/*', type: null }] },
      settings: { enable: true, rules: {}, registries: [{ pattern: 'myregistry.azurecr.io/*' }, { pattern: 'docker.io/org/*' }], public: [], configFile: '' },
      problems: 1,
    },
  ])('$what', ({ raw, settings, problems }) => {
    const r = normalizeSettings(raw);
    expect(r.settings).toEqual(settings);
    expect(r.problems).toHaveLength(problems);
  });
});

describe('effectiveConfig: precedence between the configuration file and the editor', () => {
  const editor = (over: object = {}) => ({ ...normalizeSettings(undefined).settings, ...over });
  it('rules: file over defaults, editor over file, per rule', () => {
    const c = effectiveConfig({ rules: { 'yaml-duplicate-key': 'error', 'yaml-ambiguous-value': 'off' } }, editor({ rules: { 'yaml-ambiguous-value': 'info' } }));
    expect(c.rules).toEqual({ 'yaml-duplicate-key': 'error', 'yaml-ambiguous-value': 'info' });
  });
  it("registries and public: the file's first, then the editor's, without repeats", () => {
    const c = effectiveConfig(
      { registries: [{ pattern: 'a/*', type: 'docker' }], public: ['p/*'] },
      editor({ registries: [{ pattern: 'a/*', type: 'docker' }, { pattern: 'b/*', type: 'jfrog' }], public: ['q/*', 'p/*'] }),
    );
    expect(c.registries).toEqual([
      { pattern: 'a/*', type: 'docker' },
      { pattern: 'b/*', type: 'jfrog' },
    ]);
    expect(c.public).toEqual(['p/*', 'q/*']);
  });
  it('maxFileSize comes from the file only; no file and no settings give the defaults', () => {
    expect(effectiveConfig({ maxFileSize: 10 }, editor()).maxFileSize).toBe(10);
    expect(effectiveConfig(undefined, editor())).toEqual({});
  });
});
