-- Drives `copydesk serve` from Neovim's built-in LSP client (Neovim 0.7 API) and exits
-- with a verdict for tests/lsp_neovim.rs:
--   0 diagnostics and a hover arrived as expected
--   2 setup failed          3 no diagnostics        4 unexpected diagnostics
--   5 no hover              6 unexpected hover
local bin = os.getenv("COPYDESK_BIN")
local draft = os.getenv("COPYDESK_DRAFT")

local function fail(code, message)
  io.stderr:write("nvim client: " .. message .. "\n")
  vim.cmd("cquit " .. code)
end

local function run()
  local published = nil
  local client_id = vim.lsp.start_client({
    name = "copydesk",
    cmd = { bin, "serve" },
    root_dir = vim.fn.fnamemodify(draft, ":p:h"),
    handlers = {
      ["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
        if result and #result.diagnostics > 0 then
          published = result
        end
        vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      end,
    },
  })
  if not client_id then
    return fail(2, "vim.lsp.start_client returned nil")
  end
  vim.cmd("edit " .. vim.fn.fnameescape(draft))
  vim.lsp.buf_attach_client(0, client_id)

  if not vim.wait(60000, function() return published ~= nil end, 50) then
    return fail(3, "no diagnostics within 60 s")
  end
  local d = published.diagnostics[1]
  if d.code ~= "quote/unbalanced" or d.source ~= "copydesk" or d.range.start.line ~= 4 then
    return fail(4, vim.inspect(published))
  end

  local params = { textDocument = { uri = vim.uri_from_bufnr(0) }, position = d.range.start }
  local responses = vim.lsp.buf_request_sync(0, "textDocument/hover", params, 60000)
  local value = nil
  for _, response in pairs(responses or {}) do
    if response.result and response.result.contents then
      value = response.result.contents.value
    end
  end
  if not value then
    return fail(5, "no hover: " .. vim.inspect(responses))
  end
  if not value:find("quote/unbalanced", 1, true) then
    return fail(6, value)
  end

  vim.lsp.stop_client(client_id)
  vim.wait(10000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
  vim.cmd("qall!")
end

vim.api.nvim_create_autocmd("VimEnter", {
  callback = function()
    local ok, err = pcall(run)
    if not ok then
      fail(2, tostring(err))
    end
  end,
})
