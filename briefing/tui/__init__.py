"""The Textual article picker. Only this subpackage may import Textual."""
