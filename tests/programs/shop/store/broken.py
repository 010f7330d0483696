from .partial import helper
