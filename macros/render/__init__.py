"""Pure render functions: records in, escaped HTML/Markdown out."""
