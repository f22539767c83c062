"""Site search: one search box over stories and pages in the language being read."""
