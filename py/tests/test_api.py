"""The public API is documented and typed: every name in copydesk.__all__ (and every public
method and property of its classes) has a docstring, and the type stubs declare it."""

import ast
import inspect
import pathlib

import pytest

import copydesk
import copydesk._copydesk as ext

PACKAGE = pathlib.Path(copydesk.__file__).parent
STUB = ast.parse((PACKAGE / "_copydesk.pyi").read_text(encoding="utf-8"))
STUB_NAMES = {
    n.name if isinstance(n, (ast.FunctionDef, ast.ClassDef)) else n.target.id
    for n in STUB.body
    if isinstance(n, (ast.FunctionDef, ast.ClassDef)) or (isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name))
}
STUB_CLASSES = {n.name: n for n in STUB.body if isinstance(n, ast.ClassDef)}
PUBLIC = [name for name in copydesk.__all__ if name != "__version__"]


def members(cls):
    """The public methods and properties a class defines."""
    return sorted(name for name in vars(cls) if not name.startswith("_"))


def test_all_names_exist_and_are_sorted():
    assert copydesk.__all__ == sorted(copydesk.__all__)
    for name in copydesk.__all__:
        assert hasattr(copydesk, name), name
    assert isinstance(copydesk.__version__, str)


@pytest.mark.parametrize("name", PUBLIC)
def test_every_public_name_has_a_docstring(name):
    obj = getattr(copydesk, name)
    assert obj.__doc__ and len(obj.__doc__.strip()) > 20, f"{name} has no docstring"
    if inspect.isclass(obj):
        for member in members(obj):
            doc = getattr(vars(obj)[member], "__doc__", None)
            assert doc and doc.strip(), f"{name}.{member} has no docstring"


@pytest.mark.parametrize("name", PUBLIC)
def test_every_public_name_is_typed(name):
    obj = getattr(copydesk, name)
    if getattr(ext, name, None) is obj:
        # From the compiled extension: the stub declares it, and each member of a class.
        assert name in STUB_NAMES, f"{name} is missing from _copydesk.pyi"
        if inspect.isclass(obj):
            declared = {n.name for n in STUB_CLASSES[name].body if isinstance(n, ast.FunctionDef)}
            missing = [m for m in members(obj) if m not in declared]
            assert not missing, f"_copydesk.pyi does not declare {name}.{missing}"
            decorators = [d.id for d in STUB_CLASSES[name].decorator_list if isinstance(d, ast.Name)]
            assert "final" in decorators, f"{name} is not @final in the stub"
    elif inspect.isfunction(obj):
        # Written in Python: the package is typed (py.typed), so its annotations are the stub.
        sig = inspect.signature(obj)
        assert sig.return_annotation is not inspect.Signature.empty, name
        for p in sig.parameters.values():
            assert p.annotation is not inspect.Parameter.empty, f"{name}({p.name}) has no annotation"
    else:
        # The exceptions and warnings of copydesk._errors, plain Python classes.
        assert inspect.isclass(obj) and issubclass(obj, (copydesk.CopydeskError, Warning)), name


def test_the_package_is_marked_typed():
    assert (PACKAGE / "py.typed").exists()
