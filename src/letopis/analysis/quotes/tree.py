"""Reading the dependency parse of a sentence: children, subtrees, noun-phrase extents."""

from __future__ import annotations

from letopis.analysis.document import Doc

# relations that stay inside a noun phrase when its extent is taken
NP_RELS = {"amod", "det", "nmod", "appos", "flat", "flat:name", "flat:foreign", "nummod", "nummod:gov",
           "compound", "case", "fixed", "conj", "cc", "punct", "nmod:poss"}
CLAUSE_RELS = {"acl", "acl:relcl", "advcl", "parataxis", "ccomp", "csubj", "xcomp", "obl", "advmod"}


class Tree:
    """Children of parsed tokens, computed once per sentence."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self._kids: dict[int, list[int]] = {}
        self._done: set[int] = set()

    def parsed(self, i: int) -> bool:
        return self.doc.sentence_of(i).parsed

    def kids(self, i: int) -> list[int]:
        s = self.doc.tokens[i].sent
        if s not in self._done:
            sent = self.doc.sentences[s]
            if not sent.parsed:
                return []
            for j in range(sent.first, sent.last):
                h = self.doc.tokens[j].head
                if h >= 0:
                    self._kids.setdefault(h, []).append(j)
            self._done.add(s)
        return self._kids.get(i, [])

    def head(self, i: int) -> int:
        return self.doc.tokens[i].head

    def rel(self, i: int) -> str:
        return self.doc.tokens[i].rel

    def kids_by(self, i: int, *rels: str) -> list[int]:
        return [k for k in self.kids(i) if self.rel(k) in rels or self.rel(k).split(":")[0] in rels]

    def subtree(self, i: int, skip: set[str] | frozenset[str] = frozenset()) -> set[int]:
        """`i` and everything under it, leaving out children attached by a relation in `skip`."""
        out = {i}
        todo = [i]
        while todo:
            j = todo.pop()
            for k in self.kids(j):
                if k not in out and self.rel(k) not in skip:
                    out.add(k)
                    todo.append(k)
        return out

    def extent(self, i: int, skip: set[str] | frozenset[str] = frozenset()) -> tuple[int, int]:
        """[first, last) token range covered by the subtree of `i`."""
        sub = self.subtree(i, skip)
        return min(sub), max(sub) + 1

    def ancestors(self, i: int, limit: int = 20) -> list[int]:
        out = []
        h = self.head(i)
        while h >= 0 and len(out) < limit:
            out.append(h)
            h = self.head(h)
        return out

    def np_tokens(self, head: int) -> set[int]:
        """The noun phrase headed by `head`: modifiers, genitive and prepositional dependents, appositions;
        no clauses (relative clauses, participles with their own objects)."""
        out = {head}
        todo = [head]
        while todo:
            j = todo.pop()
            for k in self.kids(j):
                r = self.rel(k)
                if k in out:
                    continue
                if r in NP_RELS or r.split(":")[0] in ("nmod", "flat", "nummod"):
                    out.add(k)
                    todo.append(k)
                elif r == "amod" or (j != head and self.rel(j) == "amod"):
                    out |= self.subtree(k)  # `источники, близкие к администрации президента`
        return out
