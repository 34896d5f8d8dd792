-- Headless test of the plugin (run by test.sh as `nvim --headless -u attach.lua`): the real
-- `copydesk serve` through require("copydesk").setup(), driven the way a writer would.
-- The exit code is the verdict: 0 passed; otherwise the number of the step that failed
-- (see `step`), with the reason on stderr.
--
-- Environment: COPYDESK_BIN (the server), COPYDESK_PLUGIN (editors/neovim),
-- COPYDESK_FIXTURES (a scratch copy of test/fixtures: desk/ has a copydesk.toml, other/
-- has no root marker).

local bin = assert(os.getenv("COPYDESK_BIN"), "COPYDESK_BIN")
local plugin = assert(os.getenv("COPYDESK_PLUGIN"), "COPYDESK_PLUGIN")
local fixtures = assert(os.getenv("COPYDESK_FIXTURES"), "COPYDESK_FIXTURES")

local current_step = 1

local function step(n, what)
  current_step = n
  io.stderr:write(("step %d: %s\n"):format(n, what))
  io.stderr:flush()
end

local function fail(message)
  io.stderr:write(("neovim plugin test, step %d: %s\n"):format(current_step, message))
  vim.cmd("cquit " .. current_step)
end

-- Waits are bounded only so that a broken server cannot hang CI.
local function wait_for(what, check)
  if not vim.wait(30000, check, 20) then
    error("timed out waiting for " .. what, 0)
  end
end

-- The copydesk clients attached to a buffer, on Neovim 0.7 and later.
local function clients_of(bufnr)
  local list = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = bufnr }) or vim.lsp.buf_get_clients(bufnr)
  local out = {}
  for _, c in pairs(list) do
    if c.name == "copydesk" then
      table.insert(out, c)
    end
  end
  return out
end

local function open(path)
  vim.cmd("edit " .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()
  wait_for("copydesk to attach to " .. path, function()
    return #clients_of(bufnr) == 1
  end)
  return bufnr, clients_of(bufnr)[1]
end

local function unbalanced(bufnr)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == "quote/unbalanced" then
      return d
    end
  end
end

local function run()
  -- `-u` skips Neovim's defaults, filetype detection among them; a writer's setup has it.
  vim.cmd("filetype on")
  vim.opt.runtimepath:prepend(plugin)
  require("copydesk").setup({
    cmd = { bin, "serve" },
    -- Above the default (warning), to see that the settings reach the server.
    settings = { rules = { ["quote/unbalanced"] = "error" } },
  })

  step(1, "a Markdown draft gets a client rooted at its copydesk.toml")
  local desk = fixtures .. "/desk"
  local draft, client = open(desk .. "/barrier.md")
  if client.config.root_dir ~= desk then
    return fail("root_dir " .. tostring(client.config.root_dir) .. ", expected " .. desk)
  end

  step(2, "its diagnostics arrive, at the level from the settings")
  -- The draft may first be checked before the settings arrive: wait for the error.
  wait_for("a quote/unbalanced error", function()
    local found = unbalanced(draft)
    return found and found.severity == vim.diagnostic.severity.ERROR
  end)
  local d = unbalanced(draft)
  if d.source ~= "copydesk" or d.lnum ~= 4 or d.severity ~= vim.diagnostic.severity.ERROR then
    return fail(vim.inspect(d))
  end

  step(3, "a hover on the finding explains the rule")
  local position = { line = d.lnum, character = 0 }
  local params = { textDocument = { uri = vim.uri_from_bufnr(draft) }, position = position }
  local hover
  for _, response in pairs(vim.lsp.buf_request_sync(draft, "textDocument/hover", params, 30000) or {}) do
    hover = response.result and response.result.contents and response.result.contents.value
  end
  if not hover or not hover:find("quote/unbalanced", 1, true) then
    return fail("hover: " .. vim.inspect(hover))
  end

  step(4, "a code action suppresses the finding, and the diagnostic goes")
  local line_diagnostics = vim.lsp.diagnostic.get_line_diagnostics and vim.lsp.diagnostic.get_line_diagnostics(draft, d.lnum)
    or {}
  local action_params = {
    textDocument = { uri = vim.uri_from_bufnr(draft) },
    range = { start = position, ["end"] = position },
    context = { diagnostics = line_diagnostics },
  }
  local suppress
  local titles = {}
  for _, response in pairs(vim.lsp.buf_request_sync(draft, "textDocument/codeAction", action_params, 30000) or {}) do
    for _, action in ipairs(response.result or {}) do
      table.insert(titles, action.title)
      if action.title == "Suppress quote/unbalanced for this line" then
        suppress = action
      end
    end
  end
  if not suppress or not suppress.edit then
    return fail("no suppression among the code actions: " .. vim.inspect(titles))
  end
  vim.lsp.util.apply_workspace_edit(suppress.edit, client.offset_encoding)
  local text = table.concat(vim.api.nvim_buf_get_lines(draft, 0, -1, false), "\n")
  if not text:find("copydesk-disable-next-line quote/unbalanced", 1, true) then
    return fail("the edit did not insert the comment:\n" .. text)
  end
  wait_for("the suppressed diagnostic to go", function()
    return unbalanced(draft) == nil
  end)

  step(5, "a text draft in the same folder shares the client")
  local notes, same = open(desk .. "/council.txt")
  if vim.bo[notes].filetype ~= "text" or same.id ~= client.id then
    return fail(("filetype %s, client %d (Markdown draft: %d)"):format(vim.bo[notes].filetype, same.id, client.id))
  end

  step(6, "a draft in a folder with no marker gets its own client, rooted at its folder")
  local other_dir = fixtures .. "/other"
  local other, other_client = open(other_dir .. "/notes.md")
  if other_client.id == client.id or other_client.config.root_dir ~= other_dir then
    return fail(("client %d root %s"):format(other_client.id, tostring(other_client.config.root_dir)))
  end
  wait_for("the other draft's diagnostic", function()
    return unbalanced(other) ~= nil
  end)

  step(7, "the clients stop")
  vim.lsp.stop_client({ client.id, other_client.id })
  wait_for("the clients to stop", function()
    return vim.lsp.get_client_by_id(client.id) == nil and vim.lsp.get_client_by_id(other_client.id) == nil
  end)
  vim.cmd("qall!")
end

vim.api.nvim_create_autocmd("VimEnter", {
  -- nested: the buffers this opens must fire their own autocommands (filetype, the plugin's).
  nested = true,
  callback = function()
    local ok, err = pcall(run)
    if not ok then
      fail(tostring(err))
    end
  end,
})
