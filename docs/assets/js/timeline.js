// timeline: progressive enhancement, filled in by its component work. Content is complete without it.
