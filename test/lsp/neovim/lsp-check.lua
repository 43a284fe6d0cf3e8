-- Neovim 0.7 as a real, third-party LSP client of the bundled server (toolchain notes §4): starts the server with
-- vim.lsp.start_client, attaches the buffer, waits for the published diagnostics, asks for the code actions on the
-- duplicate key, applies "Disable … for this line" with vim.lsp.util.apply_workspace_edit, waits for the diagnostics
-- of the edited buffer, then opens a second file with a YAML syntax error. Writes what it saw as JSON to $LSP_OUT.
local out = { ok = false, nvim = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch }
local raw = {}

local function finish(ok, err)
  out.ok = ok
  out.error = err
  local f = io.open(os.getenv('LSP_OUT'), 'w')
  f:write(vim.json.encode(out))
  f:close()
  for _, c in pairs(vim.lsp.get_active_clients()) do c.stop() end
  vim.cmd(ok and 'qall!' or 'cquit! 1')
end

local function latest(uri)
  local list = raw[uri]
  return list and list[#list] or nil
end

local ok, err = pcall(function()
  vim.bo.filetype = 'yaml'
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  local client_id = vim.lsp.start_client({
    name = 'valohai-lint',
    cmd = { os.getenv('LSP_NODE'), os.getenv('LSP_SERVER'), '--stdio' },
    root_dir = os.getenv('LSP_ROOT'),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(e, result, ctx, config)
        raw[result.uri] = raw[result.uri] or {}
        table.insert(raw[result.uri], result)
        return vim.lsp.diagnostic.on_publish_diagnostics(e, result, ctx, config)
      end,
    },
  })
  assert(client_id, 'the client did not start')
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client = vim.lsp.get_client_by_id(client_id)

  assert(vim.wait(20000, function() return latest(uri) ~= nil end, 20), 'no diagnostics were published')
  out.diagnostics = latest(uri).diagnostics
  out.vim_diagnostics = vim.diagnostic.get(bufnr)

  local duplicate
  for _, d in ipairs(out.diagnostics) do
    if d.code == 'yaml-duplicate-key' then duplicate = d end
  end
  assert(duplicate, 'no yaml-duplicate-key diagnostic')
  local response = client.request_sync('textDocument/codeAction', {
    textDocument = { uri = uri },
    range = duplicate.range,
    context = { diagnostics = { duplicate } },
  }, 10000, bufnr)
  assert(response and response.result, 'no code actions: ' .. vim.inspect(response))
  out.actions = {}
  local disable
  for _, action in ipairs(response.result) do
    table.insert(out.actions, action.title)
    if action.title == 'Disable yaml-duplicate-key for this line' then disable = action end
  end
  assert(disable, 'no "Disable yaml-duplicate-key for this line" action')
  local published = #raw[uri]
  vim.lsp.util.apply_workspace_edit(disable.edit, client.offset_encoding)
  out.lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  -- The edit reaches the server as didChange; the new diagnostics follow.
  assert(vim.wait(20000, function() return #raw[uri] > published end, 20), 'no diagnostics after the edit')
  out.diagnostics_after = latest(uri).diagnostics

  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('LSP_SYNTAX_FILE')))
  vim.bo.filetype = 'yaml'
  local second = vim.api.nvim_get_current_buf()
  local second_uri = vim.uri_from_bufnr(second)
  vim.lsp.buf_attach_client(second, client_id)
  assert(vim.wait(20000, function() return latest(second_uri) ~= nil end, 20), 'no diagnostics for the second file')
  out.syntax_diagnostics = latest(second_uri).diagnostics
end)

finish(ok, not ok and tostring(err) or nil)
