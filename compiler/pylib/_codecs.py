# kiln's `_codecs`, which `codecs` imports: the codec registry and the built-in codecs
# UTF-8, Latin-1 and ASCII (their encode/decode functions and, at `lookup`, a CodecInfo with
# incremental and stream classes made from `codecs`' bases), over the runtime's str.encode and
# bytes.decode. The `encodings` package is not consulted: its search function imports codec
# modules by computed names, which a program compiled ahead of time cannot do.

_search_functions = []
_cache = {}
_error_handlers = {}


def _normalize(encoding):
    if not isinstance(encoding, str):
        raise TypeError("lookup() argument must be str, not %s" % type(encoding).__name__)
    return encoding.strip().lower().replace('-', '_').replace(' ', '_')


_ALIASES = {
    'utf_8': 'utf-8', 'utf8': 'utf-8', 'u8': 'utf-8', 'utf': 'utf-8', 'cp65001': 'utf-8',
    'latin_1': 'latin-1', 'latin1': 'latin-1', 'latin': 'latin-1', 'l1': 'latin-1',
    'iso_8859_1': 'latin-1', 'iso8859_1': 'latin-1', '8859': 'latin-1', 'cp819': 'latin-1',
    'iso_ir_100': 'latin-1',
    'ascii': 'ascii', 'us_ascii': 'ascii', '646': 'ascii', 'us': 'ascii', 'ansi_x3.4_1968': 'ascii',
}


def _check_str(name, s):
    if not isinstance(s, str):
        raise TypeError("%s() argument 1 must be str, not %s" % (name, type(s).__name__))


def _check_bytes(data):
    if isinstance(data, memoryview):
        return data.tobytes()
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)
    return data


def utf_8_encode(str, errors=None):
    _check_str('utf_8_encode', str)
    return (str.encode('utf-8', errors or 'strict'), len(str))


def _decode(data, encoding, errors, final):
    data = _check_bytes(data)
    try:
        return (bytes(data).decode(encoding, errors or 'strict'), len(data))
    except UnicodeDecodeError as e:
        # An incomplete sequence at the end waits for more input unless this is the end.
        if not final and e.reason == 'unexpected end of data':
            head = bytes(data[:e.start])
            return (head.decode(encoding, errors or 'strict'), e.start)
        raise


def utf_8_decode(data, errors=None, final=False):
    return _decode(data, 'utf-8', errors, final)


def latin_1_encode(str, errors=None):
    _check_str('latin_1_encode', str)
    return (str.encode('latin-1', errors or 'strict'), len(str))


def latin_1_decode(data, errors=None):
    return _decode(data, 'latin-1', errors, True)


def ascii_encode(str, errors=None):
    _check_str('ascii_encode', str)
    return (str.encode('ascii', errors or 'strict'), len(str))


def ascii_decode(data, errors=None):
    return _decode(data, 'ascii', errors, True)


def _make_codec(name, encode, decode, incremental_decode):
    import codecs

    class IncrementalEncoder(codecs.IncrementalEncoder):
        def encode(self, input, final=False):
            return encode(input, self.errors)[0]

    class IncrementalDecoder(codecs.BufferedIncrementalDecoder):
        def _buffer_decode(self, input, errors, final):
            return incremental_decode(input, errors, final)

    class StreamWriter(codecs.StreamWriter):
        pass

    class StreamReader(codecs.StreamReader):
        pass

    StreamWriter.encode = staticmethod(encode)
    StreamReader.decode = staticmethod(decode)
    return codecs.CodecInfo(
        name=name,
        encode=encode,
        decode=decode,
        incrementalencoder=IncrementalEncoder,
        incrementaldecoder=IncrementalDecoder,
        streamreader=StreamReader,
        streamwriter=StreamWriter,
    )


def _builtin(name):
    if name == 'utf-8':
        return _make_codec('utf-8', utf_8_encode, utf_8_decode,
                           lambda data, errors, final: utf_8_decode(data, errors, final))
    if name == 'latin-1':
        return _make_codec('iso8859-1', latin_1_encode, latin_1_decode,
                           lambda data, errors, final: latin_1_decode(data, errors))
    return _make_codec('ascii', ascii_encode, ascii_decode,
                       lambda data, errors, final: ascii_decode(data, errors))


def register(search_function):
    if not callable(search_function):
        raise TypeError("argument must be callable")
    _search_functions.append(search_function)


def unregister(search_function):
    if search_function in _search_functions:
        _search_functions.remove(search_function)
    _cache.clear()


def lookup(encoding):
    key = _normalize(encoding)
    if key in _cache:
        return _cache[key]
    builtin = _ALIASES.get(key)
    if builtin is not None:
        info = _builtin(builtin)
    else:
        info = None
        for search in _search_functions:
            info = search(key)
            if info is not None:
                if not isinstance(info, tuple) or len(info) != 4 and \
                        not hasattr(info, 'incrementalencoder'):
                    raise TypeError("codec search functions must return 4-tuples")
                break
        if info is None:
            raise LookupError("unknown encoding: %s" % encoding)
    _cache[key] = info
    return info


def _forget_codec(encoding):
    _cache.pop(_normalize(encoding), None)


def encode(obj, encoding='utf-8', errors='strict'):
    result = lookup(encoding).encode(obj, errors)
    if not isinstance(result, tuple) or len(result) != 2:
        raise TypeError("encoder must return a tuple (object, integer)")
    return result[0]


def decode(obj, encoding='utf-8', errors='strict'):
    result = lookup(encoding).decode(obj, errors)
    if not isinstance(result, tuple) or len(result) != 2:
        raise TypeError("decoder must return a tuple (object,integer)")
    return result[0]


def _is_text_encoding(encoding):
    return True


def strict_errors(exc):
    if isinstance(exc, BaseException):
        raise exc
    raise TypeError("codec must pass exception instance")


def _check_error(exc):
    if not isinstance(exc, (UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError)):
        raise TypeError("don't know how to handle %s in error callback" % type(exc).__name__)


def ignore_errors(exc):
    _check_error(exc)
    return ('', exc.end)


def replace_errors(exc):
    _check_error(exc)
    n = exc.end - exc.start
    if isinstance(exc, UnicodeDecodeError):
        return ('\ufffd', exc.end)
    return ('?' * n, exc.end)


def backslashreplace_errors(exc):
    _check_error(exc)
    if isinstance(exc, UnicodeDecodeError):
        return (''.join('\\x%02x' % b for b in exc.object[exc.start:exc.end]), exc.end)
    out = []
    for c in exc.object[exc.start:exc.end]:
        o = ord(c)
        if o < 0x100:
            out.append('\\x%02x' % o)
        elif o < 0x10000:
            out.append('\\u%04x' % o)
        else:
            out.append('\\U%08x' % o)
    return (''.join(out), exc.end)


def xmlcharrefreplace_errors(exc):
    if not isinstance(exc, UnicodeEncodeError):
        raise TypeError("don't know how to handle %s in error callback" % type(exc).__name__)
    return (''.join('&#%d;' % ord(c) for c in exc.object[exc.start:exc.end]), exc.end)


def namereplace_errors(exc):
    # The names of characters live in unicodedata's tables, which kiln does not carry.
    raise NotImplementedError("the 'namereplace' error handler needs unicodedata, "
                              "which kiln does not have")


_error_handlers.update({
    'namereplace': namereplace_errors,
    'strict': strict_errors,
    'ignore': ignore_errors,
    'replace': replace_errors,
    'backslashreplace': backslashreplace_errors,
    'xmlcharrefreplace': xmlcharrefreplace_errors,
})


def register_error(errors, handler):
    if not callable(handler):
        raise TypeError("handler must be callable")
    _error_handlers[errors] = handler


def lookup_error(name):
    try:
        return _error_handlers[name]
    except KeyError:
        raise LookupError("unknown error handler name '%s'" % name) from None
