"""PDF output: booklets (A5 saddle-stitched, A4 tri-fold, A4), bilingual forms and
the print font.  reportlab and pypdf only; no Qt here (the ui layer previews the PDFs
and registers the same font files with Qt through ``fonts.font_files()``)."""
