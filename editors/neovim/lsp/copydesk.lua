-- copydesk for Neovim 0.11+: `vim.lsp.enable("copydesk")` finds this file on 'runtimepath'
-- (vim.lsp.config merges it with anything you set). require("copydesk").setup() starts from
-- the same table on older Neovims, so the two ways agree.
return {
  cmd = { "copydesk", "serve" },
  filetypes = { "markdown", "text" },
  -- A folder with a copydesk.toml is a desk of its own; else the repository.
  root_markers = { "copydesk.toml", ".git" },
  -- The server reads the `copydesk` section: rule levels on top of copydesk.toml, e.g.
  -- { copydesk = { rules = { ["claim/hedge"] = "off" } } }.
  settings = { copydesk = { rules = vim.empty_dict() } },
}
