;;; batch.el --- eglot + copydesk.el against the real `copydesk serve'  -*- lexical-binding: t; -*-

;; Run by test.sh: emacs --batch -q -L editors/emacs -l test/batch.el
;; Environment: COPYDESK_BIN (the server), COPYDESK_DRAFT (a scratch copy of
;; test/fixtures/barrier.txt, beside its .dir-locals.el).
;; The exit code is the verdict: 0 passed, else the step that failed (message on stderr).

;;; Code:

(require 'copydesk)
(require 'flymake)

(defvar copydesk-test--step 1)

(defun copydesk-test--step (n what)
  (setq copydesk-test--step n)
  (message "step %d: %s" n what))

(defun copydesk-test--fail (fmt &rest args)
  (message "emacs eglot test, step %d: %s" copydesk-test--step (apply #'format fmt args))
  (kill-emacs copydesk-test--step))

(defun copydesk-test--wait (what pred)
  "Wait for PRED; the bound only keeps a broken server from hanging CI."
  (let ((deadline (+ (float-time) 30)))
    (while (not (funcall pred))
      (when (> (float-time) deadline)
        (copydesk-test--fail "timed out waiting for %s" what))
      (accept-process-output nil 0.05))))

(defun copydesk-test--unbalanced ()
  "The flymake diagnostic for quote/unbalanced in this buffer, if any."
  (seq-find (lambda (d)
              (equal "quote/unbalanced"
                     (plist-get (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d)) :code)))
            (flymake-diagnostics)))

(defun copydesk-test--run ()
  (setq copydesk-program (getenv "COPYDESK_BIN"))
  ;; Files opened from batch mode apply directory-local variables only when told to.
  (setq enable-local-variables :all)
  (copydesk-test--step 1 "eglot finds copydesk for a text buffer and connects")
  (find-file (getenv "COPYDESK_DRAFT"))
  (unless (derived-mode-p 'text-mode)
    (copydesk-test--fail "the draft opened in %s" major-mode))
  (apply #'eglot (eglot--guess-contact))
  (let ((server (eglot-current-server)))
    (unless server
      (copydesk-test--fail "no server"))
    (let ((info (plist-get (eglot--server-info server) :name)))
      (unless (equal info "copydesk")
        (copydesk-test--fail "serverInfo name %S" info))))

  (copydesk-test--step 2 "the diagnostic arrives in flymake, at the level from .dir-locals.el")
  ;; Batch mode has no command loop to start flymake on its timers.
  (copydesk-test--wait "a quote/unbalanced error"
                       (lambda ()
                         (flymake-start)
                         (let ((d (copydesk-test--unbalanced)))
                           (and d (eq (flymake-diagnostic-type d) 'eglot-error)))))
  (let ((d (copydesk-test--unbalanced)))
    (unless (= (line-number-at-pos (flymake-diagnostic-beg d)) 5)
      (copydesk-test--fail "diagnostic on line %d" (line-number-at-pos (flymake-diagnostic-beg d)))))

  (copydesk-test--step 3 "a hover on the finding explains the rule")
  (goto-char (flymake-diagnostic-beg (copydesk-test--unbalanced)))
  (let* ((hover (jsonrpc-request (eglot-current-server) :textDocument/hover
                                 (eglot--TextDocumentPositionParams)))
         (value (plist-get (plist-get hover :contents) :value)))
    (unless (and value (string-match-p "quote/unbalanced" value))
      (copydesk-test--fail "hover %S" hover)))

  (copydesk-test--step 4 "the server shuts down")
  (let ((server (eglot-current-server)))
    (eglot-shutdown server)
    (when (jsonrpc-running-p server)
      (copydesk-test--fail "the server is still running")))
  (kill-emacs 0))

(condition-case err
    (copydesk-test--run)
  (error (copydesk-test--fail "%S" err)))

;;; batch.el ends here
