// Rule documentation: the rule pages ship inside the extension (dist/docs/rules/<id>.md, copied at build time with an
// index in dist/rules.json), so they open offline, in the Markdown preview, in the version that matches the server.
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../../packages/language-server/src/protocol.js';

/** One entry of dist/rules.json. */
export interface RuleInfo {
  id: string;
  description: string;
}

const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The rule id in a rule page URL (`…/docs/rules/<id>.md`), or undefined. */
export function ruleIdFromUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  const id = /\/([a-z0-9-]+)\.md(?:[?#].*)?$/.exec(url)?.[1];
  return id && RULE_ID.test(id) ? id : undefined;
}

/** The rule id of a diagnostic of ours (its `code`), or undefined. */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return typeof code === 'string' && RULE_ID.test(code) ? code : undefined;
}

/** Reads and caches the rule index the build wrote next to the bundle. */
export class RuleDocs {
  private index: Promise<RuleInfo[]> | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** Every rule with a documentation page, sorted by id. */
  rules(): Promise<RuleInfo[]> {
    this.index ??= fs
      .readFile(vscode.Uri.joinPath(this.extensionUri, 'dist', 'rules.json').fsPath, 'utf8')
      .then((text) => (JSON.parse(text) as RuleInfo[]).sort((a, b) => a.id.localeCompare(b.id)))
      .catch(() => []);
    return this.index;
  }

  /**
   * Opens the page of `ruleId`; without one, the rule of the diagnostic under the cursor, else a pick list of every
   * rule. The page opens in the Markdown preview (every rule's page is bundled).
   */
  async show(ruleId?: string): Promise<void> {
    const id = ruleId ?? this.ruleAtCursor() ?? (await this.pick());
    if (!id) return;
    const page = vscode.Uri.joinPath(this.extensionUri, 'dist', 'docs', 'rules', `${id}.md`);
    try {
      await vscode.workspace.fs.stat(page);
    } catch {
      void vscode.window.showWarningMessage(`valohai-lint has no rule "${id}".`);
      return;
    }
    await vscode.commands.executeCommand('markdown.showPreview', page);
  }

  private ruleAtCursor(): string | undefined {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const position = editor.selection.active;
    for (const diagnostic of vscode.languages.getDiagnostics(editor.document.uri)) {
      const id = ruleIdOf(diagnostic);
      if (id && diagnostic.range.contains(position)) return id;
    }
    return undefined;
  }

  private async pick(): Promise<string | undefined> {
    const items = (await this.rules()).map((rule) => ({ label: rule.id, detail: rule.description }));
    const choice = await vscode.window.showQuickPick(items, {
      title: 'valohai-lint rule documentation',
      placeHolder: 'Rule id',
      matchOnDetail: true,
    });
    return choice?.label;
  }
}
