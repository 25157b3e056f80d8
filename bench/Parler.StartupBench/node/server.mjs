// A minimal stdio MCP server on the official TypeScript SDK: the yardstick for `parler mcp` spawn -> initialize.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';

const server = new McpServer({ name: 'node-yardstick', version: '1.0.0' });

server.registerTool(
  'echo',
  {
    description: 'Echoes the text back.',
    inputSchema: { text: z.string() },
  },
  async ({ text }) => ({ content: [{ type: 'text', text }] }),
);

await server.connect(new StdioServerTransport());
