// A module hook for running xmqtt from source: resolves workspace packages to their TypeScript
// (the x-mqtt-source export condition). Used only when there is no dist/.
export async function resolve(specifier, context, nextResolve) {
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, 'x-mqtt-source'] });
}
