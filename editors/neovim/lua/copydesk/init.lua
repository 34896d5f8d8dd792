-- copydesk in Neovim 0.7 and later: require("copydesk").setup(opts) starts `copydesk serve`
-- for Markdown and text buffers, one client per root folder, reused by every buffer under it.
--
-- opts (all optional):
--   cmd          the server command             default { "copydesk", "serve" }
--   filetypes    buffers to check               default { "markdown", "text" }
--   root_markers what marks a root folder       default { "copydesk.toml", ".git" }
--   settings     the server's `copydesk` section, e.g. { rules = { ["claim/hedge"] = "off" } }
--   on_attach, on_init, capabilities   passed to the client as usual
local M = {}

-- The defaults are the plugin's own lsp/copydesk.lua (the Neovim 0.11 config), so both
-- ways of starting copydesk agree. Found next to this file, not on 'runtimepath', where
-- another plugin could ship a file of the same name.
local function defaults()
  local here = debug.getinfo(1, "S").source:sub(2)
  local root = vim.fn.fnamemodify(here, ":p:h:h:h")
  return dofile(root .. "/lsp/copydesk.lua")
end

-- The nearest folder at or above `dir` holding one of `markers`; `dir` itself when none does.
local function find_root(dir, markers)
  local current = dir
  while true do
    for _, marker in ipairs(markers) do
      if vim.loop.fs_stat(current .. "/" .. marker) then
        return current
      end
    end
    local parent = vim.fn.fnamemodify(current, ":h")
    if parent == current then
      return dir
    end
    current = parent
  end
end

-- `settings` is the server's section; a table already keyed `copydesk` is taken as it is,
-- so a snippet written for nvim-lspconfig works here too.
local function lsp_settings(settings, default)
  if settings == nil then
    return default
  end
  if settings.copydesk ~= nil then
    return settings
  end
  return { copydesk = settings }
end

local warned_missing = false

local function executable(cmd)
  if vim.fn.executable(cmd[1]) == 1 then
    return true
  end
  if not warned_missing then
    warned_missing = true
    vim.notify(
      ("copydesk: `%s` was not found. Install it with `cargo install copydesk` (or `cargo install --path .` "
        .. "in a copy of the copydesk repository), or pass cmd = { '/path/to/copydesk', 'serve' } to setup()."):format(
        cmd[1]
      ),
      vim.log.levels.ERROR
    )
  end
  return false
end

-- Neovim 0.7 has no vim.lsp.start: remember the client started for each root.
local clients_by_root = {}

local function attach(bufnr, config, markers)
  if vim.bo[bufnr].buftype ~= "" then
    return
  end
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == "" or not executable(config.cmd) then
    return
  end
  local root = find_root(vim.fn.fnamemodify(name, ":p:h"), markers)
  local client_config = vim.tbl_extend("force", config, { name = "copydesk", root_dir = root })
  if vim.lsp.start then
    -- Reuses the client with the same name and root. Called from the buffer, as Neovim 0.8
    -- attaches the current one.
    vim.api.nvim_buf_call(bufnr, function()
      vim.lsp.start(client_config)
    end)
    return
  end
  local id = clients_by_root[root]
  local client = id and vim.lsp.get_client_by_id(id)
  if not client or client.is_stopped() then
    id = vim.lsp.start_client(client_config)
    clients_by_root[root] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
end

-- Neovim 0.7 neither offers `workspace/configuration` to servers nor sends the settings
-- itself, so the server would never see them: push them once the client is up, as
-- nvim-lspconfig does. Newer Neovims may send them too; the server ignores a repeat.
local function push_settings(client)
  client.notify("workspace/didChangeConfiguration", { settings = client.config.settings })
end

function M.setup(opts)
  opts = opts or {}
  local base = defaults()
  local markers = opts.root_markers or base.root_markers
  local filetypes = opts.filetypes or base.filetypes
  local config = {
    cmd = opts.cmd or base.cmd,
    settings = lsp_settings(opts.settings, base.settings),
    on_attach = opts.on_attach,
    capabilities = opts.capabilities,
    on_init = function(client, result)
      push_settings(client)
      if opts.on_init then
        return opts.on_init(client, result)
      end
    end,
  }

  local group = vim.api.nvim_create_augroup("copydesk", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = filetypes,
    callback = function(args)
      attach(args.buf, config, markers)
    end,
  })
  -- Buffers opened before setup() ran (a plugin manager loading copydesk on `ft`).
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(filetypes, vim.bo[bufnr].filetype) then
      attach(bufnr, config, markers)
    end
  end
end

return M
