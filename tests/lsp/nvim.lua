-- Neovim's built-in LSP client against `draftlint lsp` (run by nvim.sh).
-- Opens the seed draft, checks that the diagnostics are on the lines and
-- rules of `draftlint --format json`, edits the buffer and sees them move,
-- applies a quick fix and a "disable on this line" through
-- vim.lsp.buf.code_action, saves, and stops the server.
-- Environment: DRAFTLINT (the binary), EXPECT (the CLI's JSON report of
-- the draft), RESULT (where to write what happened).
local bin, expect_path, result_path =
  os.getenv('DRAFTLINT'), os.getenv('EXPECT'), os.getenv('RESULT')
local out = assert(io.open(result_path, 'w'))
local failed = 0

local function check(cond, what)
  out:write((cond and 'ok   ' or 'FAIL ') .. what .. '\n')
  out:flush()
  if not cond then failed = failed + 1 end
end

local function finish()
  out:write(failed == 0 and 'nvim: every check passed\n'
            or ('nvim: ' .. failed .. ' FAILED\n'))
  out:close()
  vim.cmd(failed == 0 and 'qall!' or 'cquit! 1')
end

local f = assert(io.open(expect_path))
local expect = vim.fn.json_decode(f:read('*a')).diagnostics
f:close()

local buf = vim.api.nvim_get_current_buf()
vim.bo[buf].filetype = 'markdown'
local exit_code
local client_id = vim.lsp.start_client({
  name = 'draftlint',
  cmd = { bin, 'lsp', '--stdio' },
  root_dir = vim.fn.getcwd(),
  flags = { debounce_text_changes = 50 },
  on_exit = function(code) exit_code = code end,
})
check(client_id ~= nil, 'the client started draftlint lsp')
vim.lsp.buf_attach_client(buf, client_id)

-- "LINE RULE" keys, sorted, of Neovim's diagnostics and of the CLI's.
local function keys_of(diags)
  local k = {}
  for _, d in ipairs(diags) do table.insert(k, d.lnum .. ' ' .. d.code) end
  table.sort(k)
  return table.concat(k, ', ')
end

local function cli_keys(shift_from, shift)
  local k = {}
  for _, d in ipairs(expect) do
    local l = d.line - 1
    if shift_from and l >= shift_from then l = l + shift end
    table.insert(k, l .. ' ' .. d.rule)
  end
  return k
end

local function sorted_join(k)
  table.sort(k)
  return table.concat(k, ', ')
end

-- Waits until the buffer's diagnostics differ from `before`.
local function wait_change(before)
  vim.wait(15000, function()
    local now = vim.diagnostic.get(buf)
    return #now > 0 and keys_of(now) ~= before
  end, 20)
  return vim.diagnostic.get(buf)
end

-- 1. the seed's diagnostics
local diags = wait_change('')
local want = sorted_join(cli_keys())
check(#diags == #expect and keys_of(diags) == want,
      ('seed: %d diagnostics on the lines and rules of --format json'):format(#diags))
local with_link = 0
for _, d in ipairs(diags) do
  local lsp = d.user_data and d.user_data.lsp or {}
  if lsp.codeDescription and lsp.codeDescription.href:find('/rules/'
      .. d.code .. '.md', 1, true) then with_link = with_link + 1 end
end
check(with_link == #diags, 'every diagnostic links to its rule page')

-- 2. an edit: two lines at the top, one with a finding
local before = keys_of(diags)
vim.api.nvim_buf_set_lines(buf, 0, 0, false,
                           { 'A line with *unclosed emphasis.', '' })
diags = wait_change(before)
local shifted = cli_keys(0, 2)
table.insert(shifted, '0 unclosed-emphasis')
check(keys_of(diags) == sorted_join(shifted),
      'after inserting two lines: a new finding on line 1, the rest moved down 2')

-- 3. a quick fix through vim.lsp.buf.code_action
local fix
for _, d in ipairs(expect) do
  if d.fix and not fix then fix = d end
end
local row = fix.line - 1 + 2
vim.api.nvim_win_set_cursor(0, { row + 1, fix.column - 1 })
local offered = {}
vim.ui.select = function(items, opts, on_choice)
  for _, it in ipairs(items) do
    local title = opts.format_item(it) -- (gsub's count dropped)
    table.insert(offered, title)
  end
  for _, it in ipairs(items) do
    if it[2].isPreferred then return on_choice(it) end
  end
  on_choice(nil)
end
before = keys_of(diags)
local line_before = vim.api.nvim_buf_get_lines(buf, row, row + 1, false)[1]
vim.lsp.buf.code_action()
vim.wait(10000, function()
  return vim.api.nvim_buf_get_lines(buf, row, row + 1, false)[1] ~= line_before
end, 20)
local line_after = vim.api.nvim_buf_get_lines(buf, row, row + 1, false)[1]
check(line_after:find(fix.fix.replacement, 1, true) ~= nil
      and line_after ~= line_before,
      ('the quick fix (%s) put the CLI\'s replacement on line %d')
      :format(offered[1] or 'none offered', row + 1))
diags = wait_change(before)
check(#diags == #expect, ('after the fix: %d diagnostics (%d before, one fixed, one added)')
      :format(#diags, #expect + 1))

-- 4. "disable this rule on this line" on the finding added in step 2
vim.api.nvim_win_set_cursor(0, { 1, 12 })
vim.ui.select = function(items, _, on_choice)
  for _, it in ipairs(items) do
    if it[2].title:find('^Disable unclosed%-emphasis') then return on_choice(it) end
  end
  on_choice(nil)
end
before = keys_of(diags)
local nlines = vim.api.nvim_buf_line_count(buf)
vim.lsp.buf.code_action()
vim.wait(10000, function() return vim.api.nvim_buf_line_count(buf) ~= nlines end, 20)
local first = vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1]
check(first == '<!-- draftlint-disable-next-line unclosed-emphasis -->',
      'the disable action inserted the comment above the finding')
diags = wait_change(before)
local any_top = false
for _, d in ipairs(diags) do
  if d.lnum <= 1 and d.code == 'unclosed-emphasis' then any_top = true end
end
check(#diags == #expect - 1 and not any_top,
      'and that finding is gone')

-- 5. save, and the CLI agrees with the editor on the saved draft
vim.cmd('silent write')
local cli = vim.fn.json_decode(vim.fn.system({ bin, '--format', 'json',
                                                vim.api.nvim_buf_get_name(buf) }))
local k = {}
for _, d in ipairs(cli.diagnostics) do table.insert(k, (d.line - 1) .. ' ' .. d.rule) end
check(keys_of(diags) == sorted_join(k),
      'the saved draft: the CLI reports what the editor shows')

-- 6. stop: Neovim sends shutdown and exit
vim.lsp.stop_client(client_id)
vim.wait(10000, function() return exit_code ~= nil end, 20)
check(exit_code == 0, 'the server exited with code 0 after shutdown and exit')
finish()
