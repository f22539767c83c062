"""Demo content for Storysite, built from the facts in the Coalition's home page (see README).

The English texts are the source; French and Arabic are demo translations applied through
wagtail-localize, so translators can keep editing them in the translation editor.
"""
