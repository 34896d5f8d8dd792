;;; copydesk.el --- copydesk, a copy desk for news drafts, through eglot  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "28.1") (eglot "1.9"))
;; Keywords: languages, wp

;;; Commentary:

;; Tells eglot to run `copydesk serve' for Markdown and plain-text buffers.
;; Put this file on `load-path', then:
;;
;;   (require 'copydesk)
;;   (add-hook 'markdown-mode-hook #'eglot-ensure)
;;   (add-hook 'text-mode-hook #'eglot-ensure)
;;
;; Rule levels on top of copydesk.toml go in `eglot-workspace-configuration', for
;; instance in a .dir-locals.el:
;;
;;   ((nil . ((eglot-workspace-configuration
;;             . (:copydesk (:rules (:claim/hedge "off")))))))

;;; Code:

(require 'eglot)

(defgroup copydesk nil
  "The copydesk language server for news drafts."
  :group 'eglot)

(defcustom copydesk-program "copydesk"
  "The copydesk program: a name on `exec-path' or an absolute file name."
  :type 'string)

(defun copydesk--contact (_interactive)
  "The command eglot runs, read when a server starts so a changed program counts."
  (list copydesk-program "serve"))

;; text-mode also covers the modes derived from it (eglot looks them up), markdown-mode among them.
(add-to-list 'eglot-server-programs '((markdown-mode gfm-mode text-mode) . copydesk--contact))

(provide 'copydesk)
;;; copydesk.el ends here
