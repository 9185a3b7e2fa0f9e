"""The learned relation layer: a second source of facts beside the rules.

``features`` turns a pair of entity mentions in one sentence into a bag of string
features that carry across texts (entity kinds, the dependency path and its trigger
words, the words between, negation, distance); ``logreg`` is a multinomial logistic
regression over those features, trained with numpy only and shipped as a small
``.npz`` file in ``cliograph/rules/``; ``dataset`` labels candidate pairs with the facts
of an annotated text. The pipeline step that uses them is
``pipeline/relations/learned.py``; training is ``bench/train.py`` (``make train``).
"""
