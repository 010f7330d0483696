# A small program for a board: smooths a series of sensor readings and reports alarms.
import sys

READINGS = [20.5, 21.0, 21.4, 25.9, 22.1, 21.8, 30.2, 22.0, 21.7, 21.5]


def moving_average(values, width):
    out = []
    for i in range(len(values) - width + 1):
        window = values[i:i + width]
        out.append(round(sum(window) / width, 2))
    return out


def alarms(values, limit):
    return [(i, v) for i, v in enumerate(values) if v > limit]


print("platform:", sys.platform, sys.byteorder)
print("smoothed:", moving_average(READINGS, 3))
for index, value in alarms(READINGS, 25.0):
    print(f"alarm at reading {index}: {value}")
