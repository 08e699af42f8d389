"""Local text engines shared by the language and translation families: language ID,
Apertium and Marian, and the one choice of engine for a language pair."""
