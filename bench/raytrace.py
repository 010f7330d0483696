# Ray tracer: spheres and a checkered plane lit by point lights, with shadows and reflections,
# rendered into an in-memory image. Vector objects with operator methods, virtual dispatch on
# shapes and surfaces; the checksum folds every pixel's 8-bit RGB value.
WIDTH = 185
HEIGHT = 185
MAX_DEPTH = 4
EPSILON = 0.00001


class Vector:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vector(-self.x, -self.y, -self.z)

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def cross(self, other):
        return Vector(self.y * other.z - self.z * other.y,
                      self.z * other.x - self.x * other.z,
                      self.x * other.y - self.y * other.x)

    def length(self):
        return self.dot(self) ** 0.5

    def normalized(self):
        return self * (1.0 / self.length())

    def reflect(self, normal):
        return self - normal * (2 * self.dot(normal))

    def __repr__(self):
        return f"Vector({self.x}, {self.y}, {self.z})"


class Color:
    __slots__ = ("r", "g", "b")

    def __init__(self, r, g, b):
        self.r = r
        self.g = g
        self.b = b

    def __add__(self, other):
        return Color(self.r + other.r, self.g + other.g, self.b + other.b)

    def scale(self, k):
        return Color(self.r * k, self.g * k, self.b * k)

    def times(self, other):
        return Color(self.r * other.r, self.g * other.g, self.b * other.b)

    def to_bytes(self):
        def clamp(c):
            c = int(c * 255)
            return 0 if c < 0 else 255 if c > 255 else c
        return clamp(self.r), clamp(self.g), clamp(self.b)


BLACK = Color(0.0, 0.0, 0.0)
WHITE = Color(1.0, 1.0, 1.0)
GREY = Color(0.5, 0.5, 0.5)
BACKGROUND = BLACK


class Ray:
    __slots__ = ("origin", "direction")

    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction

    def at(self, t):
        return self.origin + self.direction * t


class Surface:
    def diffuse(self, point):
        raise NotImplementedError

    def specular(self, point):
        raise NotImplementedError

    def reflectivity(self, point):
        raise NotImplementedError

    roughness = 50


class Shiny(Surface):
    def diffuse(self, point):
        return WHITE

    def specular(self, point):
        return GREY

    def reflectivity(self, point):
        return 0.7

    roughness = 250


class Matte(Surface):
    def __init__(self, color):
        self.color = color

    def diffuse(self, point):
        return self.color

    def specular(self, point):
        return Color(0.1, 0.1, 0.1)

    def reflectivity(self, point):
        return 0.1


class Checkerboard(Surface):
    def diffuse(self, point):
        if (int(point.z + 1000.0) + int(point.x + 1000.0)) % 2:
            return WHITE
        return BLACK

    def specular(self, point):
        return WHITE

    def reflectivity(self, point):
        if (int(point.z + 1000.0) + int(point.x + 1000.0)) % 2:
            return 0.1
        return 0.7

    roughness = 150


class Thing:
    def __init__(self, surface):
        self.surface = surface

    def intersect(self, ray):
        """Distance along ray to the nearest hit, or None."""
        raise NotImplementedError

    def normal_at(self, point):
        raise NotImplementedError


class Sphere(Thing):
    def __init__(self, center, radius, surface):
        Thing.__init__(self, surface)
        self.center = center
        self.radius2 = radius * radius

    def intersect(self, ray):
        eo = self.center - ray.origin
        v = eo.dot(ray.direction)
        if v < 0:
            return None
        disc = self.radius2 - (eo.dot(eo) - v * v)
        if disc < 0:
            return None
        t = v - disc ** 0.5
        return t if t > EPSILON else None

    def normal_at(self, point):
        return (point - self.center).normalized()


class Plane(Thing):
    def __init__(self, normal, offset, surface):
        Thing.__init__(self, surface)
        self.normal = normal
        self.offset = offset

    def intersect(self, ray):
        denom = self.normal.dot(ray.direction)
        if denom > 0:
            return None
        t = (self.normal.dot(ray.origin) + self.offset) / -denom
        return t if t > EPSILON else None

    def normal_at(self, point):
        return self.normal


class Light:
    def __init__(self, position, color):
        self.position = position
        self.color = color


class Camera:
    def __init__(self, position, look_at):
        self.position = position
        down = Vector(0.0, -1.0, 0.0)
        self.forward = (look_at - position).normalized()
        self.right = self.forward.cross(down).normalized() * 1.5
        self.up = self.forward.cross(self.right).normalized() * 1.5

    def ray_through(self, x, y, width, height):
        sx = (x - width / 2.0) / (2.0 * width)
        sy = -(y - height / 2.0) / (2.0 * height)
        direction = (self.forward + self.right * sx + self.up * sy).normalized()
        return Ray(self.position, direction)


class Scene:
    def __init__(self):
        self.things = [
            Plane(Vector(0.0, 1.0, 0.0), 0.0, Checkerboard()),
            Sphere(Vector(0.0, 1.0, -0.25), 1.0, Shiny()),
            Sphere(Vector(-1.0, 0.5, 1.5), 0.5, Shiny()),
            Sphere(Vector(1.6, 0.4, 0.9), 0.4, Matte(Color(0.9, 0.3, 0.2))),
        ]
        self.lights = [
            Light(Vector(-2.0, 2.5, 0.0), Color(0.49, 0.07, 0.07)),
            Light(Vector(1.5, 2.5, 1.5), Color(0.07, 0.07, 0.49)),
            Light(Vector(1.5, 2.5, -1.5), Color(0.07, 0.49, 0.071)),
            Light(Vector(0.0, 3.5, 0.0), Color(0.21, 0.21, 0.35)),
            Light(Vector(3.0, 3.0, 5.0), Color(0.3, 0.3, 0.3)),
        ]
        self.camera = Camera(Vector(3.0, 2.0, 4.0), Vector(-1.0, 0.5, 0.0))


class Tracer:
    def __init__(self, scene):
        self.scene = scene
        self.rays = 0

    def nearest(self, ray):
        self.rays += 1
        best_t = None
        best = None
        for thing in self.scene.things:
            t = thing.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t = t
                best = thing
        return best, best_t

    def trace(self, ray, depth):
        thing, t = self.nearest(ray)
        if thing is None:
            return BACKGROUND
        return self.shade(thing, ray, t, depth)

    def shade(self, thing, ray, t, depth):
        point = ray.at(t)
        normal = thing.normal_at(point)
        reflect_dir = ray.direction.reflect(normal)
        color = BACKGROUND + self.lighting(thing, point, normal, reflect_dir)
        if depth >= MAX_DEPTH:
            return color + GREY
        reflected = self.trace(Ray(point, reflect_dir), depth + 1)
        return color + reflected.scale(thing.surface.reflectivity(point))

    def lighting(self, thing, point, normal, reflect_dir):
        surface = thing.surface
        total = BLACK
        for light in self.scene.lights:
            to_light = light.position - point
            distance = to_light.length()
            direction = to_light * (1.0 / distance)
            blocker, t = self.nearest(Ray(point, direction))
            if blocker is not None and t <= distance:
                continue
            lambert = direction.dot(normal)
            if lambert > 0:
                total = total + surface.diffuse(point).times(light.color.scale(lambert))
            spec = direction.dot(reflect_dir)
            if spec > 0:
                total = total + surface.specular(point).times(
                    light.color.scale(spec ** surface.roughness))
        return total


def render(width, height):
    scene = Scene()
    tracer = Tracer(scene)
    image = []
    for y in range(height):
        row = []
        for x in range(width):
            ray = scene.camera.ray_through(x, y, width, height)
            row.append(tracer.trace(ray, 0).to_bytes())
        image.append(row)
    return image, tracer.rays


def main():
    image, rays = render(WIDTH, HEIGHT)
    checksum = 0
    lit = 0
    for row in image:
        for r, g, b in row:
            checksum = (checksum * 1_000_003 + (r << 16 | g << 8 | b)) & 0xFFFFFFFFFFFF
            if r or g or b:
                lit += 1
    mid = image[HEIGHT // 2][WIDTH // 2]
    print("rays", rays, "lit pixels", lit, "centre", mid)
    print("checksum", checksum)


main()
