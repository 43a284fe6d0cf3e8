// sarif: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. One run with the metadata of every rule, and per
// finding its exact region (UTF-16 columns, character offsets and the reported text), related locations, fixes as
// replacements, and fingerprints that survive unrelated edits (see fingerprint.ts).
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleDocsUrl, type SourceFile, type Fix, type FindingKind, type Severity, type Span } from '@valohai-lint/core';
import { fingerprints } from './fingerprint.js';
import { sourceOf, type FileResult, type Formatter } from './types.js';

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const INFORMATION_URI = 'https://github.com/valohai-lint/valohai-lint';
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
/** GitHub's own severity scale for rules (`problem.severity`). */
const PROBLEM_SEVERITY: Record<Severity, 'error' | 'warning' | 'recommendation'> = { error: 'error', warning: 'warning', info: 'recommendation', hint: 'recommendation' };

/** `yaml-duplicate-key` → `YamlDuplicateKey`: SARIF's rule `name` is an identifier-like, human-readable name. */
const ruleName = (id: string): string => id.replace(/(^|-)([a-z0-9])/g, (_m, _dash: string, c: string) => c.toUpperCase());

/** The first sentence of a description (GitHub shows shortDescription in lists). */
function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(\s|$)/.exec(text);
  return m ? m[1]! : text;
}

function reportingDescriptor(rule: FindingKind): unknown {
  const { id, description, defaultSeverity, area, parity, fixable } = rule.meta;
  const url = ruleDocsUrl(id);
  const tags = ['valohai', area, ...(parity ? ['valohai-yaml-parity'] : []), ...(fixable ? ['fixable'] : [])];
  return {
    id,
    name: ruleName(id),
    shortDescription: { text: firstSentence(description) },
    fullDescription: { text: description },
    help: { text: `${description}\n\nDocumentation: ${url}`, markdown: `${description}\n\n[Documentation of ${id}](${url})` },
    helpUri: url,
    defaultConfiguration: { level: LEVEL[defaultSeverity] },
    properties: { tags, precision: parity ? 'very-high' : 'high', 'problem.severity': PROBLEM_SEVERITY[defaultSeverity] },
  };
}

/** A URI reference for a reported path: relative paths percent-encoded per segment, absolute ones as file: URLs. */
function artifactLocation(result: FileResult): { uri: string; uriBaseId?: string } {
  if (isAbsolute(result.relativePath)) return { uri: pathToFileURL(result.relativePath).href };
  return { uri: result.relativePath.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** Longer regions go without their text: a snippet is for showing, and a one-line file would repeat itself per finding. */
const MAX_SNIPPET = 2000;

function region(source: SourceFile, span: Span): unknown {
  const start = source.positionAt(span.start);
  const end = source.positionAt(span.end);
  return {
    startLine: start.line + 1,
    startColumn: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    charOffset: span.start,
    charLength: span.end - span.start,
    ...(span.end - span.start <= MAX_SNIPPET ? { snippet: { text: source.text.slice(span.start, span.end) } } : {}),
  };
}

function sarifFix(location: unknown, fix: Fix, safe: boolean): unknown {
  return {
    description: { text: fix.title },
    artifactChanges: [
      {
        artifactLocation: location,
        replacements: fix.edits.map((e) => ({ deletedRegion: { charOffset: e.span.start, charLength: e.span.end - e.span.start }, insertedContent: { text: e.newText } })),
      },
    ],
    properties: { safe },
  };
}

export const sarif: Formatter = (results, { cwd, rules, version }) => {
  const ruleIndex = new Map(rules.map((r, i) => [r.meta.id, i]));
  const sarifResults: unknown[] = [];
  for (const r of results) {
    if (r.diagnostics.length === 0) continue;
    const source = sourceOf(r);
    const location = artifactLocation(r);
    const prints = fingerprints(r, r.relativePath);
    r.diagnostics.forEach((d, i) => {
      const index = ruleIndex.get(d.ruleId);
      const fixes = [...(d.fix ? [sarifFix(location, d.fix, true)] : []), ...(d.suggestions ?? []).map((s) => sarifFix(location, s, false))];
      sarifResults.push({
        ruleId: d.ruleId,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: region(source, d.span) } }],
        ...(d.related?.length ? { relatedLocations: d.related.map((rel, j) => ({ id: j + 1, message: { text: rel.message }, physicalLocation: { artifactLocation: location, region: region(source, rel.span) } })) } : {}),
        ...(fixes.length ? { fixes } : {}),
        // GitHub reads only primaryLocationLineHash; giving it our line-independent hash keeps alerts matched across
        // edits that move lines. The namespaced copy says which scheme made it.
        partialFingerprints: { 'valohaiLint/v1': prints[i]!, primaryLocationLineHash: prints[i]! },
      });
    });
  }
  const srcroot = pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href;
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'valohai-lint', version, semanticVersion: version, informationUri: INFORMATION_URI, rules: rules.map(reportingDescriptor) } },
        originalUriBaseIds: { [SRCROOT]: { uri: srcroot, description: { text: 'The folder valohai-lint ran in.' } } },
        invocations: [{ executionSuccessful: true }],
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
